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

data "scalingo_database_backups" "db" {
  app      = var.app_id
  addon_id = var.addon_id
}

output "last_done_backup" {
  value = try([for b in data.scalingo_database_backups.db.backups : b if b.status == "done"][0], null)
}

output "recoverable_from" {
  value = data.scalingo_database_backups.db.earliest_recoverable_at
}
