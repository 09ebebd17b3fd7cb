"""unterminated docstring

revision = '9999cccc0000'
down_revision = None
