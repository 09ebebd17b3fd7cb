"""networking base

Revision ID: 3a6f1e0c2b99
Revises:
Create Date: 2019-05-21 10:05:00.000000

"""

# revision identifiers, used by Alembic.
revision = '3a6f1e0c2b99'
down_revision = ()
branch_labels = 'networking'
depends_on = []


def upgrade():
    pass


def downgrade():
    pass
