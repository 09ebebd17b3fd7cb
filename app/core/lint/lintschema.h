// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/layeredmap.h"

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
    QHash<QString, LintColumn> columns;    // by lowercase name
    QHash<QString, QStringList> indexes;   // index name -> its columns
    QHash<QString, QString> notNullChecks; // CHECK (c IS NOT NULL) constraints: name -> c
};

// What the linter knows of a schema: tables with their columns and indexes, keyed by
// lowercase unqualified name. Built by reading statements (or given by the schema a generated
// script starts from), never from a database. Cheap to copy (LayeredMap).
class LintSchema
{
public:
    bool hasTable(const QString& name) const { return m_tables.contains(name); }
    // The table, or nullptr when unknown.
    const LintTable* table(const QString& name) const { return m_tables.find(name); }
    // The table to change, made when unknown.
    LintTable& editTable(const QString& name) { return m_tables.edit(name); }
    // The column, or nullptr when the table or column is unknown.
    const LintColumn* column(const QString& table, const QString& column) const;
    // The table of an index, or an empty string when the index is unknown.
    QString tableOfIndex(const QString& index) const;

    // Tables and indexes of both: what exists after a merge point (a table counts when any
    // branch has it).
    void unite(const LintSchema& other);
    // Takes the statement as run: tables created, dropped, renamed; columns added, dropped,
    // retyped; indexes created and dropped.
    void apply(const LintStatement& statement);

private:
    void applyStatement(const LintStatement& statement);
    void applyAlter(const LintStatement& statement);
    void dropTable(const QString& name);
    void renameTable(const QString& from, const QString& to);

    LayeredMap<LintTable> m_tables;
    LayeredMap<QString> m_indexTables; // index name -> table name
};

} // namespace retort
