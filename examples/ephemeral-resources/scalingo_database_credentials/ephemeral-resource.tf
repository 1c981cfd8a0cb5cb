terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

variable "app_id" {
  description = "ID of the Scalingo app."
  type        = string
}

variable "addon_id" {
  description = "ID of its PostgreSQL addon (`ad-…`)."
  type        = string
}

# Read on every plan and apply; never stored in the state or a plan file.
ephemeral "scalingo_database_credentials" "db" {
  app      = var.app_id
  addon_id = var.addon_id
}

# Anything that accepts ephemeral values can use them: here a write-only attribute.
resource "scalingo_database_user" "migrations" {
  app                 = var.app_id
  addon_id            = var.addon_id
  name                = "my_app_migrations"
  password_wo         = "${ephemeral.scalingo_database_credentials.db.password}-migrations"
  password_wo_version = 1 # bump to send password_wo again, e.g. after a rotation
}
