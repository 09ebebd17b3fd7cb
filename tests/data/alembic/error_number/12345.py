"""a number"""
revision = 12345
down_revision = None
