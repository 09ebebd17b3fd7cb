"""unclosed bracket"""
revision = 'aaaa1111bbbb'
down_revision = ('9999cccc0000',
                 '8888bbbb9999'


def upgrade():
    pass
