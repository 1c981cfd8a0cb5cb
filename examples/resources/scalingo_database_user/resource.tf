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

variable "writer_password" {
  description = "Password of the writer user, never stored in plan or state."
  type        = string
  sensitive   = true
  ephemeral   = true
  default     = "change-me-please-42"
}

resource "scalingo_addon" "db" {
  app         = var.app_id
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

# No password: the platform generates one, kept (sensitive) in the state.
resource "scalingo_database_user" "reporting" {
  app       = var.app_id
  addon_id  = scalingo_addon.db.id
  name      = "my_app_reporting"
  read_only = true
}

# A write-only password (Terraform 1.11+): bump password_wo_version to set it again.
resource "scalingo_database_user" "writer" {
  app                 = var.app_id
  addon_id            = scalingo_addon.db.id
  name                = "my_app_writer"
  password_wo         = var.writer_password
  password_wo_version = 1
}
