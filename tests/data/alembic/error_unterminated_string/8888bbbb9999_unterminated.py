"""unterminated string"""
revision = '8888bbbb9999'
down_revision = '7777aaaa8888


def upgrade():
    pass
