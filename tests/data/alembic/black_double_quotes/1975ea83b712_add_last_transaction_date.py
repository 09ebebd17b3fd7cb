# -*- coding: utf-8 -*-
"""Add last transaction date

Revision ID: 1975ea83b712
Revises: ae1027a6acf
Create Date: 2021-03-14 16:02:11.508210

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "1975ea83b712"
down_revision = "ae1027a6acf"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("account", sa.Column("last_transaction_date", sa.DateTime()))


def downgrade():
    op.drop_column("account", "last_transaction_date")
