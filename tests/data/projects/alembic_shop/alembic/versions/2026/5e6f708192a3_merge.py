"""merge billing and shipping

Revision ID: 5e6f708192a3
Revises: 3c4d5e6f7081, 4d5e6f708192
Create Date: 2026-10-05 09:00:00.000000

"""
revision = "5e6f708192a3"
down_revision = (
    "3c4d5e6f7081",
    "4d5e6f708192",
)
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
