"""f-strings and prefixes"""
X = f"{d["k"]:>{width}} {'}'} {{"
Y = rb'\x00' Rb"\\" u'\N{DASH}' F'''{a!r:^{w}}'''
revision: str | None = ('ab' "cd")
down_revision = 'a', \
    'b',  # two
branch_labels = ['x']; depends_on = ()
def f(): revision = 'e'
