"""merge heads

Revision ID: c4d1e2f3a4b5
Revises: 3c8f2a1b9d4e, 7d21e5f0a6c3, 0a1b2c3d4e5f
Create Date: 2022-09-30 12:00:00.000000

"""
from alembic import op

revision = "c4d1e2f3a4b5"
down_revision = (
    "3c8f2a1b9d4e",  # users: add email index
    # the billing branch, merged late
    "7d21e5f0a6c3",
    "0a1b2c3d4e5f",  # reporting
)
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
