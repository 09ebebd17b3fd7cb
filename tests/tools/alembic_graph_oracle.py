#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Answers the queries of a revision-graph case with Alembic's own RevisionMap.

A case folder (tests/data/graph/<case>/) holds:
  graph.txt    one revision per line: ID PARENTS [labels=L1,L2] [deps=D1,D2]
               (PARENTS: '-' for a base, else a comma list), in file order
  queries.txt  one query per line (see answer() below); "current ROWS" is what
               `alembic current` shows for version-table rows ROWS (comma list or base)
  expected.txt 'query => answer' lines: what Retort must answer (tst_revisiongraph)
  messages.txt optional 'query => text' lines: text Retort's error message must contain
  retort-only  present where Retort deliberately differs from Alembic (its content says why)

This script prints the 'query => answer' lines Alembic gives, so expected.txt can be
checked against (or regenerated from) the real thing:
  python3 tests/tools/alembic_graph_oracle.py tests/data/graph/<case>
"""
import sys
from pathlib import Path

from alembic.script.revision import Revision, RevisionMap


def read_graph(folder):
    revisions = []
    for line in (folder / "graph.txt").read_text().splitlines():
        line = line.split("#", 1)[0].split()
        if not line:
            continue
        rev_id, parents, extra = line[0], line[1], dict(p.split("=", 1) for p in line[2:])
        down = None if parents == "-" else tuple(parents.split(","))
        if down is not None and len(down) == 1:
            down = down[0]
        labels = extra.get("labels")
        deps = extra.get("deps")
        revisions.append(Revision(rev_id, down,
                                  dependencies=tuple(deps.split(",")) if deps else None,
                                  branch_labels=tuple(labels.split(",")) if labels else None))
    return revisions


def current_of(text):
    return () if text == "base" else tuple(text.split(","))


def ids(revisions, order):
    return " ".join(r.revision for r in revisions) or "(none)"


def answer(rmap, order, query):
    words = query.split()
    by_file = lambda rev_ids: " ".join(sorted(rev_ids, key=order.index)) or "(none)"
    kind = words[0]
    if kind == "load":
        rmap.heads
        return "ok"
    if kind == "heads":
        return by_file(rmap.heads)
    if kind == "realheads":
        return by_file(rmap._real_heads)
    if kind == "bases":
        return by_file(rmap.bases)
    if kind == "history":
        return ids(rmap.iterate_revisions("heads", "base", inclusive=True,
                                          assert_relative_length=False), order)
    if kind == "resolve":
        found = rmap.get_revisions(words[1])
        return by_file(r.revision for r in found if r is not None) if found else "base"
    if kind == "upgrade":
        steps = rmap.iterate_revisions(words[2], current_of(words[1]), implicit_base=True)
        return ids(list(reversed(list(steps))), order)
    if kind == "downgrade":
        steps = rmap.iterate_revisions(current_of(words[1]), words[2], select_for_downgrade=True)
        return ids(list(steps), order)
    if kind == "current":
        return by_file(r.revision for r in rmap._get_all_current(current_of(words[1])))
    if kind == "range":
        start, end = words[1].split(":")
        steps = rmap.iterate_revisions(end or "heads", start or "base", inclusive=True,
                                       assert_relative_length=False)
        return ids(list(steps), order)
    if kind == "labels":
        return " ".join(sorted(rmap.get_revision(words[1]).branch_labels)) or "(none)"
    raise ValueError("unknown query: " + query)


def main(folder):
    folder = Path(folder)
    try:
        revisions = read_graph(folder)
    except Exception:  # self-loops are refused as the Revision objects are made
        revisions = None
    order = [r.revision for r in revisions or []]
    rmap = RevisionMap(lambda: revisions)
    for query in (folder / "queries.txt").read_text().splitlines():
        query = query.strip()
        if not query or query.startswith("#"):
            continue
        try:
            if revisions is None:
                raise ValueError("the revisions could not be made")
            result = answer(rmap, order, query)
        except Exception:  # Alembic's many error types: the golden file only says "error"
            result = "error"
        print(f"{query} => {result}")


if __name__ == "__main__":
    main(sys.argv[1])
