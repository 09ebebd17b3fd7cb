"""invalid parent"""
revision = 'dddd4444eeee'
down_revision = (
    'cccc3333dddd',
    'feature@head',
)
