"""revision None"""
revision = None
down_revision = None
