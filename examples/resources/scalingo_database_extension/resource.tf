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

resource "scalingo_addon" "db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

resource "scalingo_database_extension" "uuid" {
  app      = var.app_id
  addon_id = scalingo_addon.db.id
  name     = "uuid-ossp"
}

resource "scalingo_database_extension" "trgm" {
  app      = var.app_id
  addon_id = scalingo_addon.db.id
  name     = "pg_trgm"
  schema   = "public" # must exist
}
