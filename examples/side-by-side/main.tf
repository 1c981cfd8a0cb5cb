# Beside the official Scalingo provider: it keeps managing the app (and domains, collaborators…),
# this provider manages the database addon, under a second local name. Adding `provider =
# scalingodb` to an addon the official provider created takes it over with no state surgery:
# `terraform plan` says `No changes`, and the next apply records this provider in the state.
terraform {
  required_providers {
    scalingo = {
      source = "Scalingo/scalingo"
    }
    scalingodb = {
      source = "scalingo-community/scalingo"
    }
  }
}

# Both read SCALINGO_API_TOKEN (and SCALINGO_REGION) from the environment.
provider "scalingo" {}
provider "scalingodb" {}

variable "app_name" {
  description = "Name of the Scalingo app."
  type        = string
}

resource "scalingo_app" "my_app" {
  name = var.app_name
}

resource "scalingo_addon" "my_db" {
  provider    = scalingodb
  app         = scalingo_app.my_app.id
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

output "addon_id" {
  value = scalingo_addon.my_db.id
}
