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

data "scalingo_database_users" "all" {
  app      = var.app_id
  addon_id = var.addon_id
}

output "read_only_users" {
  value = [for u in data.scalingo_database_users.all.users : u.name if u.read_only]
}
