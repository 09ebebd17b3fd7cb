// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "migrationplanner.h"
#include "revisiongraph.h"

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

// A stamp: the version table made to hold `targets` without running anything. With `purge`,
// every row is deleted and the targets inserted. Otherwise rows on a line of history with a
// target are replaced by it (updated in place where possible) and other rows are kept, as
// Alembic's stamp does. Unknown ids in `heads` are only allowed with `purge`.
VersionChange stampChange(const RevisionGraph& graph, const QStringList& heads,
                          const QVector<int>& targets, bool purge);

} // namespace retort
