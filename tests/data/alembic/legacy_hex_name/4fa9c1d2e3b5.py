"""add widget table

Revision ID: 4fa9c1d2e3b5
Revises: None
Create Date: 2011-11-08 13:14:15.161718

"""

# downgrade revision identifier, used by Alembic.
down_revision = None

from alembic import op
import sqlalchemy as sa

def upgrade():
    op.create_table('widget', sa.Column('id', sa.Integer, primary_key=True))

def downgrade():
    op.drop_table('widget')
