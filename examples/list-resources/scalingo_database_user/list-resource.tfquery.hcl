list "scalingo_database_user" "users" {
  provider = scalingo
  config {
    app      = "my-app" # ID or name
    addon_id = "ad-9f0c2a8e-3c1b-4a57-9d5e-2f6b8c1d7e40"
  }
}
