"""labels from a constant"""
LABELS = ('billing',)
revision = '7777aaaa8888'
down_revision = None
branch_labels = LABELS
