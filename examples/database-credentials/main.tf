# The default user's credentials of a PostgreSQL addon, passed to a write-only password without
# ever reaching the state or a plan file (Terraform 1.11+).
#
#   export SCALINGO_API_TOKEN=tk-us-...
#   terraform init && terraform apply -var app_id=<app id>

terraform {
  required_version = ">= 1.11"
  required_providers {
    scalingo = { source = "scalingo-community/scalingo" }
  }
}

provider "scalingo" {}

variable "app_id" {
  type = string
}

resource "scalingo_addon" "db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

# Read on every plan and apply; never stored.
ephemeral "scalingo_database_credentials" "db" {
  app      = scalingo_addon.db.app
  addon_id = scalingo_addon.db.id
}

# Anything that accepts ephemeral values can use them: a write-only attribute here, or the
# provider block of a `postgresql` provider (host, port, database, username, password).
resource "scalingo_database_user" "migrations" {
  app                 = scalingo_addon.db.app
  addon_id            = scalingo_addon.db.id
  name                = "my_app_migrations"
  password_wo         = "${ephemeral.scalingo_database_credentials.db.password}-migrations"
  password_wo_version = 1 # bump to send password_wo again, e.g. after a rotation
}
