#!/usr/bin/env python3
# Formatted by hand, but every value is still a literal.
r"""Odd but literal forms
that span two lines in the first paragraph

Revision ID: 0000stale000
Revises: also-stale
Create Date: 2020-02-02 02:02:02
"""
import sqlalchemy as sa ; from alembic import op

revision = 'placeholder0'
revision = ('f00dfeed' "1234")  # a later assignment wins, as in Python
down_revision = \
    u'b7a6c5d4e3f2'
branch_labels = None; depends_on = ("55af2cb1c267")
__all__ = ["upgrade", "downgrade"]


def upgrade():
    op.execute(rb'\x00 binary ' + b"x")


def downgrade():
    pass
