# <app_id>:<addon_id>:<name>
terraform import scalingo_database_extension.uuid 5f8a1c2b3d4e5f6a7b8c9d0e:ad-0123456789abcdef:uuid-ossp
