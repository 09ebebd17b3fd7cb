"""create products

Revision ID: 1a2b3c4d5e6f
Revises:
Create Date: 2026-10-01 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

from shop.models.types import Money  # a project package Alembic needs to import

# revision identifiers, used by Alembic.
revision = '1a2b3c4d5e6f'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("products", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("products")
