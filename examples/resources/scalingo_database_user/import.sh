# <app_id>:<addon_id>:<name>
terraform import scalingo_database_user.reporting 5f8a1c2b3d4e5f6a7b8c9d0e:ad-0123456789abcdef:my_app_reporting
