// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/migrationrunner.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace retort::testsupport {

// A migrate request for the runner tests (lock timeout 20 s).
RunRequest runRequest(const QString& configPath, const QString& url, Direction direction,
                      const QString& target);
// Runs `request` on a new runner in this thread, collecting its events when asked.
RunResult runSync(const RunRequest& request, QVector<RunEvent>* events = nullptr);
// A plain Qt connection of the test's own (no Retort session set-up: Retort's own connections
// are DatabaseConnection), removed with the object.
class PlainConnection
{
public:
    PlainConnection(const QString& driver, const QString& database);
    ~PlainConnection();
    PlainConnection(const PlainConnection&) = delete;
    PlainConnection& operator=(const PlainConnection&) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // Runs `sql`; a warning names it and the error when it fails.
    bool exec(const QString& sql) const;

private:
    QString m_name;
};

// The first column of every row `sql` returns, read through a connection of the test's own.
QStringList queryStrings(const QString& url, const QString& sql);
// The same through an open connection (a warning names the SQL when it fails).
QStringList queryStrings(const QSqlDatabase& db, const QString& sql);

// The schema as text lines, in a stable order: SQLite's sqlite_master; PostgreSQL's public
// columns, constraints, indexes and sequences.
QStringList schemaLines(const QSqlDatabase& db);
// Everything a run could change, as text: the definition of every table, index, view and
// trigger (SQLite: sqlite_master; PostgreSQL: the public schema's catalogs) and every row of
// every table, the version table and retort_history included, in a stable order. Equal
// snapshots: the run left the database exactly as it was. Not compared: where a PostgreSQL
// sequence stands (nextval() is never rolled back, by design: a rolled-back history row still
// used up its id).
QString databaseSnapshot(const QSqlDatabase& db);

} // namespace retort::testsupport
