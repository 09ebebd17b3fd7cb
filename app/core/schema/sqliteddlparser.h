// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// What SQLite's PRAGMAs do not tell about a table, read back from its stored CREATE TABLE.
struct SqliteColumnDefinition
{
    QString name;
    QString collation;
    bool autoIncrement = false;
    QString generatedExpression;
};

struct SqliteConstraintDefinition
{
    enum Kind { PrimaryKey, Unique, Check, ForeignKey };
    Kind kind = Check;
    QString name;        // empty without CONSTRAINT name
    QStringList columns; // the column itself for a column constraint
    QString expression;  // CHECK
    QString referencedTable;
    bool deferrable = false;
    bool initiallyDeferred = false;
};

struct SqliteTableDefinition
{
    QVector<SqliteColumnDefinition> columns;
    QVector<SqliteConstraintDefinition> constraints; // column ones first, in text order
    bool withoutRowid = false;

    const SqliteColumnDefinition* column(const QString& name) const; // case-insensitive
};

struct SqliteIndexDefinition
{
    QStringList elements; // each key's text without COLLATE / ASC / DESC
    QString where;        // partial index predicate
};

struct SqliteViewDefinition
{
    QStringList columns; // CREATE VIEW v (a, b): the declared column names
    QString body;        // the SELECT
};

// A small tokenizer-based reader of the CREATE statements SQLite stores in sqlite_master.
// It never throws: SQLite accepted these statements, and what it cannot make sense of is left
// empty. Expressions come back with comments removed, white space runs collapsed to one space
// and none just inside parentheses, so equal definitions written differently compare equal.
class SqliteDdlParser
{
public:
    static SqliteTableDefinition parseTable(const QString& sql);
    static SqliteIndexDefinition parseIndex(const QString& sql);
    static SqliteViewDefinition parseView(const QString& sql);
};

} // namespace retort
