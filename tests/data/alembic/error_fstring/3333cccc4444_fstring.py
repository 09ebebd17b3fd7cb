"""f-string"""
PREFIX = "3333"

revision = f"{PREFIX}cccc4444"
down_revision = None
