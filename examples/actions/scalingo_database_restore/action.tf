# terraform apply -invoke=action.scalingo_database_restore.pitr -var restore_time=2026-03-01T10:30:00Z
terraform {
  required_version = ">= 1.14.0"
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

variable "restore_time" {
  type        = string
  description = "RFC 3339 instant to restore to, within the recovery window."
}

action "scalingo_database_restore" "pitr" {
  config {
    app          = scalingo_addon.db.app
    addon_id     = scalingo_addon.db.id
    restore_time = var.restore_time
  }
}
