// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/versiontable.h"

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
    QString script;                  // the script file's text when it ran; empty for stamps
                                     // and for rows written before Retort kept it

    static QString outcomeName(Outcome outcome); // "succeeded", "failed", "cancelled"
};

// Retort's own record of what ran: the table `retort_history`, in the version table's
// schema, next to Alembic's version table (which Alembic ignores). Columns:
//   id, revision, direction, checksum, started_at, finished_at (ISO 8601 UTC text, so every
//   dialect stores them alike), duration_ms, run_by, outcome, error, failing_statement,
//   failing_location, script (the script's text, so that `verify` can show what changed).
// The table is created by the first run that changes something; readers never create it.
// Tables made before the script column existed get it (ALTER TABLE ... ADD COLUMN) from
// ensureExists(); readers cope without it.
class MigrationHistory
{
public:
    static QString tableName() { return QStringLiteral("retort_history"); }

    explicit MigrationHistory(VersionTable versionTable) : m_table(std::move(versionTable)) {}

    SqlCommand createStatement() const;
    SqlCommand addScriptColumnStatement() const;
    SqlCommand insertStatement(const HistoryRecord& record) const;

    bool exists(QSqlDatabase& db) const;
    // Whether the table has the script column (false when there is no table).
    bool hasScriptColumn(QSqlDatabase& db) const;
    // Creates the table, or adds the script column to an older one. Returns whether the
    // table was created.
    bool ensureExists(QSqlDatabase& db) const;
    void record(QSqlDatabase& db, const HistoryRecord& record) const;

    // Every row about `revision` (all rows when empty), oldest first; none when the table
    // does not exist.
    QVector<HistoryRecord> read(QSqlDatabase& db, const QString& revision = {}) const;
    // For each revision whose last successful upgrade or downgrade was an upgrade: that
    // upgrade's record. What `verify` compares the scripts on disk with.
    QHash<QString, HistoryRecord> appliedRecords(QSqlDatabase& db) const;
    // The checksums of appliedRecords().
    QHash<QString, QString> appliedChecksums(QSqlDatabase& db) const;

private:
    QStringList columnNames(QSqlDatabase& db) const;

    VersionTable m_table;
};

} // namespace retort
