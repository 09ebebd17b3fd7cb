#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Prints the version-table rows Alembic's own HeadMaintainer gives for a version-change case.

A case folder (tests/data/versionchange/<case>/) holds:
  graph.txt     the revisions, in the format of tests/data/graph (see alembic_graph_oracle.py)
  commands.txt  one command a line, run one after the other from an empty database:
                  upgrade TARGET | downgrade TARGET | stamp [--purge] TARGET...
  expected.txt  what tst_versionchange must print: each command, then
                  upgrade/downgrade: one line per step '  upgrade|downgrade REV => ROWS'
                  stamp: '  purge' (with --purge), one line per row change in the order
                  Alembic issues them ('  insert REV', '  delete REV', '  update FROM TO'),
                  then '  => ROWS'; or '  error' when Alembic's stamp fails (rows unchanged)
                (rows sorted, '(base)' when none)

Alembic plans each command with RevisionMap.iterate_revisions (as `alembic upgrade` does) or
ScriptDirectory._stamp_revs (as `alembic stamp` does) and applies every step with
migration.HeadMaintainer.update_to_step, the code that writes alembic_version. The current rows
are handed over sorted, as Retort reads them. The context is an offline one (as_sql), so no
database is needed.
"""
import sys
import types
from pathlib import Path

from sqlalchemy import Column, MetaData, String, Table

from alembic.runtime.migration import HeadMaintainer, RevisionStep
from alembic.script.base import ScriptDirectory
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


class LoggingMaintainer(HeadMaintainer):
    """Notes each row change, in the order Alembic makes them."""

    def __init__(self, context):
        super().__init__(context, ())
        self.log = []

    def _insert_version(self, version):
        super()._insert_version(version)
        self.log.append(f"insert {version}")

    def _delete_version(self, version):
        super()._delete_version(version)
        self.log.append(f"delete {version}")

    def _update_version(self, from_, to_):
        super()._update_version(from_, to_)
        self.log.append(f"update {from_} {to_}")


def script_directory(rmap):
    """A ScriptDirectory with only its revision map, enough for _stamp_revs."""
    script = ScriptDirectory.__new__(ScriptDirectory)
    script.revision_map = rmap
    return script


def stamp(script, maintainer, words):
    """MigrationContext.run_migrations for `alembic stamp [--purge] TARGET...`."""
    purge = words[:1] == ["--purge"]
    targets = tuple(words[1:] if purge else words)
    before = set(maintainer.heads)
    maintainer.log = []
    if purge:
        print("  purge")
        maintainer.heads = set()
    try:
        for step in script._stamp_revs(targets, tuple(sorted(maintainer.heads))):
            maintainer.update_to_step(step)
    except Exception:  # Alembic fails: assertion, KeyError or CommandError
        maintainer.heads = before
        print("  error")
        return
    for change in maintainer.log:
        print(f"  {change}")
    print(f"  => {rows(maintainer.heads)}")


def main(folder):
    folder = Path(folder)
    revisions = read_graph(folder)
    for revision in revisions:
        revision.module = types.SimpleNamespace(upgrade=None, downgrade=None)
    rmap = RevisionMap(lambda: revisions)
    maintainer = LoggingMaintainer(OfflineContext())
    script = script_directory(rmap)
    for command in (folder / "commands.txt").read_text().splitlines():
        command = command.split("#", 1)[0].strip()
        if not command:
            continue
        print(command)
        kind, *words = command.split()
        if kind == "stamp":
            stamp(script, maintainer, words)
            continue
        target = words[0]
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
