# A PostgreSQL addon reachable from the internet, but only from an office network (IPv4), a VPN
# (IPv6) and Scalingo's own osc-fr1 applications.
#
#   export SCALINGO_API_TOKEN=tk-us-...
#   terraform init && terraform apply -var app_id=<app id>

terraform {
  required_providers {
    scalingo = { source = "scalingo-community/scalingo" }
  }
}

provider "scalingo" {}

variable "app_id" {
  type = string
}

resource "scalingo_addon" "db" {
  app               = var.app_id
  provider_id       = "postgresql"
  plan              = "postgresql-business-1024"
  database_features = ["force-ssl", "publicly-available"] # rules only matter when reachable
}

resource "scalingo_database_firewall_rule" "office" {
  app          = scalingo_addon.db.app
  addon_id     = scalingo_addon.db.id
  custom_range = "203.0.113.0/24" # checked at plan: "203.0.113.7/24" is refused
  label        = "Lyon office"
}

resource "scalingo_database_firewall_rule" "vpn" {
  app          = scalingo_addon.db.app
  addon_id     = scalingo_addon.db.id
  custom_range = "2001:db8:42::/48"
  label        = "VPN"
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
