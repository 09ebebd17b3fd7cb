// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace retort {

struct LintStatement;

// What the linter knows of one column: its type (as written, lowercase) and its constraints.
struct LintColumn
{
    QString type;
    bool notNull = false;
    bool key = false; // part of the primary key or of a unique constraint
    bool checkedNotNull = false; // a validated CHECK (c IS NOT NULL) holds: no NULL in it
};

struct LintTable
{
    QHash<QString, LintColumn> columns; // by lowercase name
    QHash<QString, QString> notNullChecks; // CHECK (c IS NOT NULL) constraints: name -> c
};

struct LintIndex
{
    QString table;
    QStringList columns;
};

// What the linter knows of a schema: tables, their columns, and indexes, keyed by lowercase
// unqualified name. Built by reading statements (or given by the schema a generated script
// starts from), never from a database.
struct LintSchema
{
    QHash<QString, LintTable> tables;
    QHash<QString, LintIndex> indexes;

    bool hasTable(const QString& name) const { return tables.contains(name); }
    // The column, or nullptr when the table or column is unknown.
    const LintColumn* column(const QString& table, const QString& column) const;
    // Tables and indexes of both: what exists after a merge point (a table counts when any
    // branch has it).
    void unite(const LintSchema& other);
    // Takes the statement as run: tables created, dropped, renamed; columns added, dropped,
    // retyped; indexes created and dropped.
    void apply(const LintStatement& statement);
};

} // namespace retort
