# Every PostgreSQL addon of every app the API token can see.
list "scalingo_addon" "postgresql" {
  provider = scalingo
  config {
    provider_id = "postgresql"
  }
}
