revision = "not-a-migration"
