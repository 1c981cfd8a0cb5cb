# Every PostgreSQL addon of every app the API token can see:
#   terraform query -generate-config-out=generated.tf
list "scalingo_addon" "postgresql" {
  provider = scalingo
  config {
    provider_id = "postgresql"
    # app       = "my-app" # one app only (ID or name)
  }
}
