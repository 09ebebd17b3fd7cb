# The real env.py imports the application's models; Retort never runs it.
from shop.models import Base  # noqa: F401
