"""Add invoice status

Revision ID: 5e0d9a8b7c61
Revises: 9b2e4f1c0a77
Create Date: 2025-01-08 17:12:40.774310+00:00

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "5e0d9a8b7c61"
down_revision: str | Sequence[str] | None = "9b2e4f1c0a77"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("invoice", sa.Column("status", sa.String(length=20), server_default="draft"))


def downgrade() -> None:
    op.drop_column("invoice", "status")
