"""add widget table"""

down_revision = None

def upgrade():
    pass

def downgrade():
    pass
