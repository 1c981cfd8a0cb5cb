# Data sources: the PostgreSQL plans (as `scalingo addons-plans postgresql`) and the addons of
# an app (as `scalingo --app my-app addons`).
terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

provider "scalingo" {}

variable "app_id" {
  type = string
}

data "scalingo_addon_plans" "postgresql" {
  provider_id = "postgresql"
}

data "scalingo_addons" "app" {
  app = var.app_id
}

output "postgresql_plans" {
  value = [for p in data.scalingo_addon_plans.postgresql.plans : "${p.name} (${p.display_name})"]
}

output "addons" {
  value = [for a in data.scalingo_addons.app.addons : "${a.provider_id} ${a.id} ${a.plan} ${a.status}"]
}
