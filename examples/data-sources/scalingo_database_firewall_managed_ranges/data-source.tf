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

variable "addon_id" {
  description = "ID of one of its database addons (`ad-…`)."
  type        = string
}

data "scalingo_database_firewall_managed_ranges" "fr1" {
  app      = var.app_id
  addon_id = var.addon_id
  name     = "Scalingo osc-fr1 applications" # optional: only this one
}

output "scalingo_apps_range_id" {
  value = data.scalingo_database_firewall_managed_ranges.fr1.ranges[0].id
}
