"""backfill tenant ids

Revision ID: 0f3c2b1a9e8d
Revises: 27c6a30d7c24
Create Date: 2023-07-11 14:22:09.112233

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

import myapp_plugins
from myapp.models import Base, Tenant
from myapp.settings import settings

# revision identifiers, used by Alembic.
revision: str = "0f3c2b1a9e8d"
down_revision: Union[str, None] = "27c6a30d7c24"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BATCH_SIZE = settings.MIGRATION_BATCH_SIZE
myapp_plugins.register_all(Base.metadata)


def upgrade() -> None:
    op.add_column("orders", sa.Column("tenant_id", sa.Integer(), nullable=True))
    session = Session(bind=op.get_bind())
    default = session.query(Tenant).filter_by(slug=settings.DEFAULT_TENANT).one()
    op.execute(f"UPDATE orders SET tenant_id = {default.id}")
    op.alter_column("orders", "tenant_id", nullable=False)


def downgrade() -> None:
    op.drop_column("orders", "tenant_id")
