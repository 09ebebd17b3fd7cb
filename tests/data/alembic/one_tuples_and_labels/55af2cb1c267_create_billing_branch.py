"""create billing branch

Revision ID: 55af2cb1c267
Revises: ae1027a6acf
Create Date: 2019-05-21 10:01:22.309470

"""

# revision identifiers, used by Alembic.
revision = '55af2cb1c267'
down_revision = ('ae1027a6acf',)
branch_labels = ('billing',)
depends_on = None

from alembic import op
import sqlalchemy as sa


def upgrade():
    op.create_table('billing_plan', sa.Column('id', sa.Integer, primary_key=True))


def downgrade():
    op.drop_table('billing_plan')
