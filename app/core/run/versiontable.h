// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "graph/versionchange.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVector>
#include <map>

class QSqlDatabase;

namespace retort {

// One statement Retort writes itself (version table, history), kept as text pieces around
// its values so that it is designed once and then either run with bound parameters (online)
// or written out with quoted literals (offline SQL): both forms say the same thing.
struct SqlCommand
{
    QStringList parts;   // parts.size() == values.size() + 1: parts[0] v0 parts[1] v1 ...
    QVariantList values; // QString, integers or null
    // When not empty, the statement must affect exactly one row; the text names the row for
    // the error message.
    QString expectOneRow;

    // Text with '?' for each value, for QSqlQuery::prepare().
    QString boundSql() const;
    // Text with each value written as a literal of `dialect`.
    QString literalSql(Dialect dialect) const;
};

// Identifier and literal quoting as the Qt drivers and the databases' shells do it.
QString quoteIdentifier(Dialect dialect, const QString& name);
QString quoteLiteral(Dialect dialect, const QVariant& value);

// Runs `command` with bound values on `db`. Throws Error(Database) with the database's text,
// or when expectOneRow is set and another number of rows was affected.
void execute(QSqlDatabase& db, const SqlCommand& command);

// Runs SqlCommands like execute(), keeping each distinct statement prepared for its next use.
// A run repeats the same few statements (version row, history row) once per step; PostgreSQL's
// Qt driver would PREPARE, EXECUTE and DEALLOCATE each time, three round trips for one.
// Use it in the thread of `db`, and destroy it before the connection closes.
class PreparedCommands
{
public:
    explicit PreparedCommands(QSqlDatabase& db) : m_db(db) {}
    void execute(const SqlCommand& command);

private:
    QSqlDatabase& m_db;
    std::map<QString, QSqlQuery> m_queries; // by boundSql()
};

// Alembic's version table (alembic_version by default): one row per current head,
//   CREATE TABLE t (version_num VARCHAR(32) NOT NULL, CONSTRAINT t_pkc PRIMARY KEY (version_num))
// Every name is quoted; every value is bound online and quoted offline.
class VersionTable
{
public:
    explicit VersionTable(Dialect dialect, QString table = QStringLiteral("alembic_version"),
                          QString schema = {});

    Dialect dialect() const { return m_dialect; }
    const QString& table() const { return m_table; }
    const QString& schema() const { return m_schema; }
    // schema.table or table, quoted.
    QString qualifiedName() const { return qualify(m_table); }
    // Another table of the same schema, quoted.
    QString qualify(const QString& table) const;

    SqlCommand createStatement() const;
    // The statements making `change`, in order; updates and deletes expect one row each.
    QVector<SqlCommand> statements(const VersionChange& change) const;

    // Whether `table` (default: the version table) exists in the schema, asked of the
    // catalog (never by touching the table).
    bool exists(QSqlDatabase& db, const QString& table = {}) const;
    // The rows, sorted; empty when the table does not exist. Creates nothing.
    QStringList readHeads(QSqlDatabase& db) const;
    // The same for a table known to exist: one query, no catalog look-up.
    QStringList readExistingHeads(QSqlDatabase& db) const;
    // Creates the table when it does not exist; returns whether it did.
    bool ensureExists(QSqlDatabase& db) const;
    // Applies `change`. Throws Error(Database) naming the revision when an update or delete
    // does not affect exactly one row.
    void apply(QSqlDatabase& db, const VersionChange& change) const;

private:
    Dialect m_dialect;
    QString m_table;
    QString m_schema;
};

} // namespace retort
