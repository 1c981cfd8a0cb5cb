terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

data "scalingo_addon_plans" "postgresql" {
  provider_id = "postgresql"
  # show_all = true # also list disabled plans
}

output "postgresql_plans" {
  value = [for p in data.scalingo_addon_plans.postgresql.plans : p.name]
}
