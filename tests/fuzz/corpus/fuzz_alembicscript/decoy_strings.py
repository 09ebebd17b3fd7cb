"""rewrite audit trigger

Revision ID: 6d5c4b3a2f1e
Revises: 0f3c2b1a9e8d
Create Date: 2023-08-01 10:10:10.101010

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '6d5c4b3a2f1e'
down_revision = '0f3c2b1a9e8d'
branch_labels = None
depends_on = None

TRIGGER_SQL = """
CREATE OR REPLACE FUNCTION audit() RETURNS trigger AS $$
BEGIN
    INSERT INTO audit_log (note) VALUES ('changed');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""

NOTES = '''
revision = 'deadbeef0000'
down_revision = None
'''


def upgrade():
    op.execute("""
revision = 'cafebabe0001'
down_revision = 'cafebabe0000'
""")
    op.execute(TRIGGER_SQL)
    op.execute("UPDATE settings SET value = 'revision = \"x\"' WHERE key = 'note'")


def downgrade():
    op.execute('''
depends_on = ('nothing',)
''')
