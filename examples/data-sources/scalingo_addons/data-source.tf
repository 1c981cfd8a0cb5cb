terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

variable "app_id" {
  description = "ID or name of the Scalingo app."
  type        = string
}

data "scalingo_addons" "app" {
  app = var.app_id
}

output "addons" {
  value = [for a in data.scalingo_addons.app.addons : "${a.provider_id} ${a.plan} ${a.status}"]
}
