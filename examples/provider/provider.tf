terraform {
  required_providers {
    scalingo = {
      source = "scalingo-community/scalingo"
    }
  }
}

# The API token comes from SCALINGO_API_TOKEN; every setting can also be given here.
provider "scalingo" {
  region = "osc-fr1" # or osc-secnum-fr1
}
