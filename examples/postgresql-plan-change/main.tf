# The scenario of Scalingo's "Managing your PostgreSQL addon" page: a PostgreSQL addon on
# postgresql-starter-512, scaled to postgresql-business-1024 by changing `plan`.
terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

# Credentials and endpoints come from the environment: SCALINGO_API_TOKEN, and for the
# simulator SCALINGO_AUTH_URL (see the README).
provider "scalingo" {}

variable "app_id" {
  description = "ID of the Scalingo app that owns the database."
  type        = string
}

variable "plan" {
  description = "PostgreSQL plan, as `scalingo addons-plans postgresql` lists them."
  type        = string
  default     = "postgresql-starter-512"
}

resource "scalingo_addon" "my_db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = var.plan

  timeouts {
    update = "30m"
  }
}

output "addon_id" {
  value = scalingo_addon.my_db.id
}

output "plan" {
  value = scalingo_addon.my_db.plan
}

output "database_version" {
  value = scalingo_addon.my_db.database_version
}
