# Bring existing Scalingo databases under Terraform (Terraform 1.14+):
#
#   terraform init
#   terraform query -generate-config-out=generated.tf   # lists, then writes resource + import blocks
#   terraform plan                                      # Plan: N to import, 0 to add, 0 to change, 0 to destroy.
#   terraform apply                                     # then `terraform plan` shows no changes
terraform {
  required_version = ">= 1.14.0"
  required_providers {
    scalingo = { source = "scalingo-community/scalingo" }
  }
}

provider "scalingo" {}
