// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "schema/schema.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// The SQL text of schema objects in one dialect (SQLite or PostgreSQL), for DDL generation:
// CREATE statements from the schema model, and the clauses ALTER TABLE reuses. Every
// identifier is double-quoted; a declared type is written as it is when it has the shape of a
// type name (else quoted on SQLite, refused on PostgreSQL); the expressions and view bodies the
// database gave back are written as they are (DdlBuilder checks that each statement stays one).
class DdlWriter
{
public:
    // Objects in `defaultSchema` (PostgreSQL) are named without their schema.
    explicit DdlWriter(Dialect dialect, QString defaultSchema = {});

    Dialect dialect() const { return m_dialect; }
    bool isSqlite() const { return m_dialect == Dialect::Sqlite; }

    // "a""b": the identifier in double quotes, embedded quotes doubled.
    static QString quote(const QString& identifier);
    // 'it''s': a string literal.
    static QString literal(const QString& text);
    // ("a", "b")
    static QString quotedList(const QStringList& identifiers);

    // "schema"."name", or "name" in the default schema.
    QString name(const QString& schema, const QString& name) const;
    template <typename T> QString nameOf(const T& object) const
    {
        return name(object.schema, object.name);
    }

    // A column's declared type for DDL: as it is when it has a type's shape (words, quoted
    // identifiers, dots, "(n[, m])" modifiers, "[]"); otherwise SQLite gets it as a quoted
    // identifier (SQLite takes any name as a type and derives the affinity from its text) and
    // PostgreSQL an Error(Database) naming `owner` (no catalog spells a type otherwise).
    QString type(const QString& declared, const QString& owner) const;

    // `DEFAULT x` with x bare when it is a literal or keyword, else in parentheses.
    static QString defaultClause(const QString& expression);
    // "col" TYPE ... as in CREATE TABLE and ADD COLUMN (an AUTOINCREMENT key included).
    QString columnDefinition(const Column& column, const Table& table) const;
    QString primaryKeyClause(const PrimaryKey& key) const;
    QString uniqueClause(const UniqueConstraint& unique) const;
    QString foreignKeyClause(const ForeignKey& key, const Table& owner) const;
    QString checkClause(const CheckConstraint& check) const;

    // CREATE TABLE; `as` names it otherwise (SQLite rebuilds), `leaveOut` lists foreign keys
    // (by name) added afterwards with ALTER TABLE (cycles between new tables).
    QString createTable(const Table& table, const QString& as = {},
                        const QStringList& leaveOut = {}) const;
    QString dropTable(const Table& table) const;
    QString createIndex(const Index& index, const Table& table) const;
    QString dropIndex(const Index& index, const Table& table) const;
    QString createView(const View& view) const;
    QString dropView(const View& view) const;

    // Whether the table's single-column key is declared on the column (SQLite AUTOINCREMENT).
    static bool keyOnColumn(const Column& column, const Table& table);

private:
    QString deferrable(bool deferrable, bool initiallyDeferred) const;

    Dialect m_dialect;
    QString m_defaultSchema;
};

} // namespace retort
