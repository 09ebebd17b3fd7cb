// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/migrationhistory.h"
#include "project/project.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// How one applied revision's script compares with what ran.
struct ScriptCheck
{
    enum class Status {
        Unchanged,  // the file's checksum is the one recorded when it ran
        Changed,    // it is not: `diff` shows what changed, if the history kept the text
        Missing,    // the database has the revision, no script of the project defines it
        NotRecorded // applied without a checksum: by Alembic, or stamped
    };

    QString revision;
    QString path; // the script now; empty when missing
    Status status = Status::Unchanged;
    QString recordedChecksum;  // from the history; empty when not recorded
    QString checksum;          // of the file now; empty when missing
    bool textRecorded = false; // whether the history holds the text that ran
    QString diff;              // Changed: unified diff, as applied -> on disk
    QString appliedText;       // Changed: the text that ran, when the history kept it
    QString currentText;       // Changed: the file's text now

    static QString statusName(Status status); // "unchanged", "changed", "missing", "not recorded"
    QJsonObject toJson() const;
};

// What `retort verify` reports.
struct VerifyReport
{
    QStringList current;         // the version table's rows, sorted
    QVector<ScriptCheck> checks; // in the order they were applied; missing ones last

    int count(ScriptCheck::Status status) const;
    // Something changed or is missing: `verify` fails.
    bool hasProblems() const;
    QJsonObject toJson() const;
};

// Compares the scripts of the applied revisions with what ran, from the checksums (and texts)
// that retort_history keeps. The revisions checked are those below the version table's rows
// and those whose last successful upgrade is in effect in the history.
class ScriptVerifier
{
public:
    explicit ScriptVerifier(const Project& project) : m_project(project) {}

    // Reads the database at `databaseUrl` (the full URL) and compares. Never writes, never
    // creates anything: a SQLite file that does not exist is a database at base. Throws
    // Error(Config) for a bad URL, Error(Database) when the database cannot be read.
    VerifyReport verify(const QString& databaseUrl) const;
    // The comparison, given the version rows and MigrationHistory::appliedRecords().
    VerifyReport compare(const QStringList& current,
                         const QHash<QString, HistoryRecord>& applied) const;

private:
    ScriptCheck check(int revision, const HistoryRecord* recorded) const;

    const Project& m_project;
};

} // namespace retort
