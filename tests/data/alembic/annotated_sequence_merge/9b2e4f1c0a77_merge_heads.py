"""merge billing and reporting heads

Revision ID: 9b2e4f1c0a77
Revises: 3c8f2a1b9d4e, 7d21e5f0a6c3
Create Date: 2024-02-19 08:30:55.001122

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9b2e4f1c0a77'
down_revision: Union[str, Sequence[str], None] = ('3c8f2a1b9d4e', '7d21e5f0a6c3')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
