// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "schema/schema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One generated statement, with the comment lines to print above it ("retort: destructive:
// ...", "retort: rebuild ...").
struct DdlStatement
{
    QStringList comments; // without the leading "-- "
    QString sql;          // without the closing ';'

    // The comments as "-- " lines (line breaks and control characters escaped, see
    // singleLine()), then the statement and ';'.
    QString toText() const;
    bool isDestructive() const;
    // {"sql", "comments" (when any), "destructive"}
    QJsonObject toJson() const;
};

struct DdlOptions
{
    // PostgreSQL: objects in this schema are named without it, so that the script follows the
    // connection's search_path; objects elsewhere are qualified.
    QString defaultSchema = QStringLiteral("public");
};

// The DDL that turns one schema into another, for SQLite and PostgreSQL: what the diff
// (SchemaDiff) finds between them, written in dependency order. Upgrade and downgrade are
// the same call with the schemas swapped. Every identifier is quoted. Statements that destroy
// data carry a "retort: destructive: <lint code> <reason>" comment.
//
// PostgreSQL: enums and sequences before the tables using them, tables in foreign-key order,
// ALTER TABLE for columns and constraints, views dropped first and created last (also those
// that depend on a column whose type changes or that goes away).
// SQLite: ALTER TABLE where SQLite allows it (ADD COLUMN, DROP COLUMN, indexes, views);
// anything else rebuilds the table by SQLite's documented recipe (new table, copy of the
// common columns, drop, rename, indexes, triggers and dependent views again), inside the
// migration's transaction.
class DdlGenerator
{
public:
    // Throws Error(Usage) for a dialect without DDL generation (MySQL).
    explicit DdlGenerator(Dialect dialect, DdlOptions options = {});

    QVector<DdlStatement> generate(const Schema& from, const Schema& to) const;

    // The statements as a script section: one per paragraph.
    static QString render(const QVector<DdlStatement>& statements);
    static QJsonArray toJson(const QVector<DdlStatement>& statements);

private:
    Dialect m_dialect;
    DdlOptions m_options;
};

} // namespace retort
