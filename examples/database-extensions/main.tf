# The "Managing extensions" part of Scalingo's "Managing your PostgreSQL addon" page, in code.
# Scalingo enables extensions only with SQL: the provider reads the app's SCALINGO_POSTGRESQL_URL
# through the API (never logged nor stored) and runs CREATE EXTENSION IF NOT EXISTS over a
# short-lived connection, so the machine running Terraform must reach the database (on Scalingo,
# enable the `publicly-available` and `force-ssl` database features, or run from inside the
# platform).
terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

provider "scalingo" {}

variable "app_id" {
  description = "ID of the Scalingo app that owns the database."
  type        = string
}

resource "scalingo_addon" "db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

# Trigram indexes for fuzzy search.
resource "scalingo_database_extension" "pg_trgm" {
  app      = var.app_id
  addon_id = scalingo_addon.db.id
  name     = "pg_trgm"
}

# Names with a hyphen are quoted by the provider.
resource "scalingo_database_extension" "uuid" {
  app      = var.app_id
  addon_id = scalingo_addon.db.id
  name     = "uuid-ossp"
}

# Case-insensitive text.
resource "scalingo_database_extension" "citext" {
  app      = var.app_id
  addon_id = scalingo_addon.db.id
  name     = "citext"
}

# An extension that needs another (earthdistance needs cube) is declared after it:
#   resource "scalingo_database_extension" "earthdistance" {
#     ...
#     name       = "earthdistance"
#     depends_on = [scalingo_database_extension.cube]
#   }

output "extensions" {
  value = {
    for e in [
      scalingo_database_extension.pg_trgm,
      scalingo_database_extension.uuid,
      scalingo_database_extension.citext,
    ] : e.name => { version = e.version, schema = e.schema }
  }
}
