# <app_id>:<addon_id>:<rule_id>
terraform import scalingo_database_firewall_rule.office 5f8a1c2b3d4e5f6a7b8c9d0e:ad-0123456789abcdef:6a1b2c3d4e5f60718293a4b5
