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
  app               = var.app_id
  provider_id       = "postgresql"
  plan              = "postgresql-business-1024"
  database_features = ["force-ssl", "publicly-available"]
}

resource "scalingo_database_firewall_rule" "office" {
  app          = scalingo_addon.db.app
  addon_id     = scalingo_addon.db.id
  custom_range = "203.0.113.0/24"
  label        = "Lyon office"
}

resource "scalingo_database_firewall_rule" "vpn_v6" {
  app          = scalingo_addon.db.app
  addon_id     = scalingo_addon.db.id
  custom_range = "2001:db8:42::/48"
}

data "scalingo_database_firewall_managed_ranges" "fr1" {
  app      = scalingo_addon.db.app
  addon_id = scalingo_addon.db.id
  name     = "Scalingo osc-fr1 applications"
}

resource "scalingo_database_firewall_rule" "scalingo_apps" {
  app           = scalingo_addon.db.app
  addon_id      = scalingo_addon.db.id
  managed_range = data.scalingo_database_firewall_managed_ranges.fr1.ranges[0].id
}
