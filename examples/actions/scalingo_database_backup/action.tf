# terraform apply -invoke=action.scalingo_database_backup.now
terraform {
  required_version = ">= 1.14.0"
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

action "scalingo_database_backup" "now" {
  config {
    app      = scalingo_addon.db.app
    addon_id = scalingo_addon.db.id
  }
}

# A backup before any update of the addon (a plan change, a version upgrade).
variable "app_id" {
  type = string
}

resource "scalingo_addon" "db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = "postgresql-business-1024"

  lifecycle {
    action_trigger {
      events  = [before_update]
      actions = [action.scalingo_database_backup.now]
    }
  }
}
