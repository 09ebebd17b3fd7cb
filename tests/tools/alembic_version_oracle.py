#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the version-table rows Alembic's own HeadMaintainer gives for a version-change case.

A case folder (tests/data/versionchange/<case>/) holds:
  graph.txt     the revisions, in the format of tests/data/graph (see alembic_graph_oracle.py)
  commands.txt  one command a line, run one after the other from an empty database:
                  upgrade TARGET | downgrade TARGET
  expected.txt  what tst_versionchange must print: each command, then one line per step
                  '  upgrade|downgrade REV => ROWS' (rows sorted, '(base)' when none)

Alembic plans each command with RevisionMap.iterate_revisions (as `alembic upgrade` does) and
applies every step with migration.HeadMaintainer.update_to_step, the code that writes
alembic_version. The context is an offline one (as_sql), so no database is needed.
"""
import sys
import types
from pathlib import Path

from sqlalchemy import Column, MetaData, String, Table

from alembic.runtime.migration import HeadMaintainer, RevisionStep
from alembic.script.revision import RevisionMap

sys.path.insert(0, str(Path(__file__).parent))
from alembic_graph_oracle import read_graph  # noqa: E402


class OfflineContext:
    """The parts of MigrationContext that HeadMaintainer touches."""

    as_sql = True

    def __init__(self):
        self._version = Table("alembic_version", MetaData(),
                              Column("version_num", String(32), nullable=False))
        self.impl = types.SimpleNamespace(_exec=lambda statement: None)
        self.version_table = "alembic_version"


def rows(heads):
    return " ".join(sorted(heads)) or "(base)"


def main(folder):
    folder = Path(folder)
    revisions = read_graph(folder)
    for revision in revisions:
        revision.module = types.SimpleNamespace(upgrade=None, downgrade=None)
    rmap = RevisionMap(lambda: revisions)
    maintainer = HeadMaintainer(OfflineContext(), ())
    for command in (folder / "commands.txt").read_text().splitlines():
        command = command.split("#", 1)[0].strip()
        if not command:
            continue
        print(command)
        kind, target = command.split()
        current = tuple(maintainer.heads)
        if kind == "upgrade":
            revs = list(reversed(list(rmap.iterate_revisions(target, current,
                                                             implicit_base=True))))
        else:
            revs = list(rmap.iterate_revisions(current, None if target == "base" else target,
                                               select_for_downgrade=True))
        for rev in revs:
            maintainer.update_to_step(RevisionStep(rmap, rev, kind == "upgrade"))
            print(f"  {kind} {rev.revision} => {rows(maintainer.heads)}")


if __name__ == "__main__":
    main(sys.argv[1])
