terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

variable "app_id" {
  description = "ID or name of the Scalingo app."
  type        = string
}

variable "addon_id" {
  description = "ID of the database addon (`ad-…`)."
  type        = string
}

data "scalingo_database_maintenances" "db" {
  app      = var.app_id
  addon_id = var.addon_id
}

output "announced" {
  value = [for m in data.scalingo_database_maintenances.db.maintenances : "${m.type} on ${m.started_at}" if m.status == "notified"]
}

output "window" {
  value = data.scalingo_database_maintenances.db.maintenance_window
}
