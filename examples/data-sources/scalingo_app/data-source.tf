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

data "scalingo_app" "my_app" {
  id = var.app_id # or: name = "my-app"
}

resource "scalingo_addon" "my_db" {
  app         = data.scalingo_app.my_app.id # the ID survives a rename of the app
  provider_id = "postgresql"
  plan        = "postgresql-starter-512"
}

output "app_url" {
  value = data.scalingo_app.my_app.url
}
