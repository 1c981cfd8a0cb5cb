terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

variable "app_id" {
  description = "ID of the Scalingo app (`scalingo --app my-app apps-info`)."
  type        = string
}

resource "scalingo_addon" "db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = "postgresql-business-1024" # change it to scale the database in place

  # Optional
  database_version  = "17"          # upgrade to the latest 17.x, step by step
  database_features = ["force-ssl"] # authoritative when set

  timeouts {
    update = "1h"
  }
}
