"""no down_revision"""
revision = 'bbbb2222cccc'


def upgrade():
    down_revision = None
