from alembic import op

revision = '8c7b6a5f4e3d'
down_revision = 'f00dfeed1234'


def upgrade():
    """A function docstring is not the module's."""
    op.execute("SELECT 1")


def downgrade():
    pass
