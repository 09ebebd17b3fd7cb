"""invalid id"""
revision = 'cccc-3333'
down_revision = None
