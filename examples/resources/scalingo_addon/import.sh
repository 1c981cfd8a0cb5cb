# <app_id>:<addon_id>
terraform import scalingo_addon.db 5f8a1c2b3d4e5f6a7b8c9d0e:ad-0123456789abcdef
