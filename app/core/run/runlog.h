// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project/project.h"
#include "run/migrationhistory.h"

#include <QJsonObject>
#include <QString>
#include <QVector>
#include <optional>

namespace retort {

// Which rows of retort_history to show.
struct RunLogFilter
{
    QString range;                                // "START:END" as `history -r`; empty: all
    std::optional<HistoryRecord::Outcome> outcome; // only rows with this outcome
};

// The runs a database has seen, from Retort's retort_history: `retort log` and Studio's run
// history view.
class RunLog
{
public:
    // The rows of the database at `databaseUrl` (the full URL), oldest first, that pass
    // `filter`. A range keeps rows about a revision in it (a stamp: any of its targets).
    // Reads only: a database without the table, or a SQLite file that does not exist, has
    // no rows, and nothing is created. Throws Error(Config | Database), and Error(Usage |
    // Graph) for a range that does not resolve.
    static QVector<HistoryRecord> read(const Project& project, const QString& databaseUrl,
                                       const RunLogFilter& filter = {});
    // Keeps the rows of `records` that pass `filter`.
    static QVector<HistoryRecord> filtered(const RevisionGraph& graph,
                                           const QVector<HistoryRecord>& records,
                                           const RunLogFilter& filter);
    // {"id", "revision", "direction", "outcome", "run_by", "started_at", "finished_at",
    //  "duration_ms", "checksum", "error", "failing_statement", "failing_location"}; the
    // failure fields are null for a run that did not fail.
    static QJsonObject toJson(const HistoryRecord& record);
};

} // namespace retort
