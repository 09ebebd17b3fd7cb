// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "versiontable.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVector>

class QSqlDatabase;

namespace retort {

// One step run or reverted (or one stamp), as Retort records it.
struct HistoryRecord
{
    enum class Outcome { Succeeded, Failed, Cancelled };

    qint64 id = 0;                   // assigned by the database
    QString revision;                // a stamp lists its targets, comma-separated
    QString direction;               // "upgrade", "downgrade" or "stamp"
    QString checksum;                // SHA-256 hex of the script file's bytes; empty for stamps
    QDateTime startedAt;             // UTC
    QDateTime finishedAt;            // UTC
    qint64 durationMs = 0;
    QString runBy;                   // user@host
    Outcome outcome = Outcome::Succeeded;
    QString error;                   // the database's error text, on failure
    QString failingStatement;
    QString failingLocation;         // file:line

    static QString outcomeName(Outcome outcome); // "succeeded", "failed", "cancelled"
};

// Retort's own record of what ran: the table `retort_history`, in the version table's
// schema, next to Alembic's version table (which Alembic ignores). Columns:
//   id, revision, direction, checksum, started_at, finished_at (ISO 8601 UTC text, so every
//   dialect stores them alike), duration_ms, run_by, outcome, error, failing_statement,
//   failing_location.
// The table is created by the first run that changes something; readers never create it.
class MigrationHistory
{
public:
    static QString tableName() { return QStringLiteral("retort_history"); }

    explicit MigrationHistory(VersionTable versionTable) : m_table(std::move(versionTable)) {}

    SqlCommand createStatement() const;
    SqlCommand insertStatement(const HistoryRecord& record) const;

    bool exists(QSqlDatabase& db) const;
    bool ensureExists(QSqlDatabase& db) const;
    void record(QSqlDatabase& db, const HistoryRecord& record) const;

    // Every row about `revision` (all rows when empty), oldest first; none when the table
    // does not exist.
    QVector<HistoryRecord> read(QSqlDatabase& db, const QString& revision = {}) const;
    // For each revision whose last successful upgrade or downgrade was an upgrade: that
    // upgrade's checksum. What `verify` compares the scripts on disk with.
    QHash<QString, QString> appliedChecksums(QSqlDatabase& db) const;

private:
    VersionTable m_table;
};

} // namespace retort
