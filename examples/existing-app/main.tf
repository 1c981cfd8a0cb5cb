# This provider alone, for a configuration that does not manage its app with Terraform: the app
# is looked up by name, and its ID (which survives a rename) goes to the addon.
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

variable "app_name" {
  description = "Name of the existing Scalingo app."
  type        = string
}

data "scalingo_app" "my_app" {
  name = var.app_name
}

resource "scalingo_addon" "my_db" {
  app         = data.scalingo_app.my_app.id
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

output "app_url" {
  value = data.scalingo_app.my_app.url
}
