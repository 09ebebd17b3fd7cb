// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/migrationplanner.h"
#include "graph/revisiongraph.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One row change of the version table.
struct VersionRowChange
{
    enum class Kind { Insert, Delete, Update };

    Kind kind = Kind::Insert;
    QString from; // Delete, Update: the row's version_num
    QString to;   // Insert, Update: the new version_num

    bool operator==(const VersionRowChange& other) const
    {
        return kind == other.kind && from == other.from && to == other.to;
    }
};

// What one migration (or a stamp) does to the version table: the rows to insert, delete and
// update, in the order Alembic issues them. Pure: computed from the graph and the current heads.
struct VersionChange
{
    QVector<VersionRowChange> rows;

    // `heads` after the change (the version table's rows, in no particular order).
    QStringList applyTo(QStringList heads) const;
};

// Alembic's rules (HeadMaintainer.update_to_step), given the version rows before `step`:
//   upgrade of a base, or of a revision none of whose parents is a row: insert;
//   upgrade of a merge point with more than one parent row: delete all parent rows but those
//   implied by other rows, except the last, and update the last to the merge revision;
//   downgrade of a row whose parents are all implied by other rows (or of a base): delete;
//   downgrade of a merge point (or of a revision with dependencies): insert the parents not
//   implied by other rows, but the last, and update the row to the last;
//   anything else: update the parent row to the revision (upgrade) or back (downgrade).
// "Parents" are Alembic's normalized down revisions: down_revision plus the dependencies no
// ancestor already depends on. Throws Error(Graph) when the step does not fit the rows (an
// upgrade of a revision that is a row already, a downgrade of one that is not).
VersionChange versionChange(const RevisionGraph& graph, const QStringList& heads,
                            const MigrationStep& step);

// The rows after each step of `plan`, starting from `heads`: element i is the state after
// step i.
QVector<QStringList> headsAfterEachStep(const RevisionGraph& graph, QStringList heads,
                                        const QVector<MigrationStep>& plan);

// A stamp: the version table made to hold the revisions `targets` name (any names
// RevisionResolver takes; none or "base" = no rows) without running anything, row for row as
// `alembic stamp` writes it (ScriptDirectory._stamp_revs, StampStep, HeadMaintainer):
//   the rows "on the line" of some target are those sharing lineage (dependencies counted)
//   with what the target names (for label@..., the label's revision too; for base, every row);
//   a target that is such a row already is left alone; a target below or above them replaces
//   them all: all but the last deleted, the last updated to it; a target with no row on its
//   line gets a row of its own; targets naming nothing (base) delete the rows on their lines.
// With `purge`, every row is deleted first. Throws Error(Graph) where Alembic's stamp fails
// too (for example two targets below two rows that the first one merges away, or a target
// named twice), and for rows no script defines unless `purge` is set.
VersionChange stampChange(const RevisionGraph& graph, const QStringList& heads,
                          const QStringList& targets, bool purge);

} // namespace retort
