"""add ip allocation

depends on the billing plans and on the networking branch's head.

Revision ID: e81f0a2b3c4d
Revises: 3a6f1e0c2b99, 1d2e3f4a5b6c
Create Date: 2019-06-01 09:00:00.000000

"""

# revision identifiers, used by Alembic.
revision = 'e81f0a2b3c4d'
down_revision = ['3a6f1e0c2b99', '1d2e3f4a5b6c']
branch_labels = ['networking_ext', 'ipam']
depends_on = [
    '55af2cb1c267',
    'networking',  # a branch label, resolved by the graph
]


def upgrade():
    pass


def downgrade():
    pass
