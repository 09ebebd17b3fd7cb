"""computed parent"""
from myapp.migrations import PREVIOUS

revision = '1111aaaa2222'
down_revision = PREVIOUS
