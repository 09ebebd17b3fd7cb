"""concatenation"""
revision = '4444dddd5555'
down_revision = (
    '4444' + 'dddd0000',
)
