"""add helper functions

Revision ID: b7a6c5d4e3f2
Revises: 6d5c4b3a2f1e
Create Date: 2023-08-02 09:00:00.000000

"""
from alembic import op

revision = 'b7a6c5d4e3f2'
down_revision = '6d5c4b3a2f1e'
branch_labels = None
depends_on = None


def _current(context):
    revision = context.get_current_revision()
    down_revision = None
    return revision, down_revision


class Helper:
    revision = 'not-this-one'
    depends_on = compute()

    def run(self):
        branch_labels = ('x',)
        return branch_labels


if False:
    revision = 'nor-this'


def upgrade():
    depends_on = 'ignored'
    op.execute('SELECT 1')


def downgrade():
    pass
