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

  # Day-2 safety
  maintenance_window   = { weekday = "tuesday", starting_hour_utc = 21 } # UTC; unset keeps Scalingo's
  periodic_backups     = { enabled = true, hour_utc = 3 }                # daily backup at 03:00 UTC
  deletion_protection  = true                                            # destroy and replacement refused at plan
  backup_before_change = true                                            # backup first before a downscale or a major upgrade

  timeouts {
    update = "1h"
  }
}
