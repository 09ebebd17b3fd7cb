"""crlf file

Create Date: today
"""
revision = "abc"
down_revision = (
    "def",
)
