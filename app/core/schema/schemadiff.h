// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema/schema.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One difference between two schemas, read as "going from `from` to `to`": Added means only
// `to` has the object, Removed only `from`. kindName() ("column-added", "index-changed", ...)
// is stable: scripts and tests may rely on it.
struct SchemaChange
{
    enum class Object {
        Table,
        Column,
        PrimaryKey,
        Unique,
        ForeignKey,
        Check,
        Index,
        View,
        Enum,
        Sequence,
        Trigger
    };
    enum class Action { Added, Removed, Changed, ValuesAdded };

    Object object = Object::Table;
    Action action = Action::Changed;
    QString table;       // the table the object belongs to, qualified "schema.table" when the
                         // schema has a name; for tables, views, enums, sequences, triggers:
                         // their name
    QString name;        // the column, constraint or index; empty for whole objects
    QStringList details; // what differs ("type VARCHAR(20) -> VARCHAR(30)"), or the definition
    QString note;        // e.g. a possible rename; never acted upon

    QString kindName() const;
    // "documents.status" or "documents" (index and constraint names are unique per table).
    QString path() const;
    // What a selection of changes names this one by: "<object>:<path>", e.g.
    // "table:public.users", "column:public.users.email", "index:users.ix_users_email";
    // a primary key is "primary-key:<table>" whatever its name. Stable: the CLI's
    // `revision --autogenerate --only` takes it.
    QString key() const;
    static QString key(Object object, const QString& table, const QString& name = {});
    static QString objectName(Object object); // "table", "column", "primary-key", ...
    // One line for people: "column added: documents.status (VARCHAR(20) NOT NULL)".
    QString toText() const;
    QJsonObject toJson() const;
};

// The differences between two schemas of the same dialect, after normalising what the
// database spells in more than one way: type synonyms (character varying / varchar, int4 /
// integer, timestamp without time zone / timestamp), letter case and spaces outside string
// literals in types, defaults and expressions, redundant casts of literal defaults
// ('x'::character varying), now() / CURRENT_TIMESTAMP, outer parentheses of defaults, and
// nullability of primary key columns (always NOT NULL). Columns are matched by name, whatever
// their order; constraints and indexes by name, or by content when unnamed (SQLite).
// A dropped and an added column of the same type in one table, or a dropped and an added table
// with the same columns, get a "possible rename" note on the added one: never assumed.
class SchemaDiff
{
public:
    static SchemaDiff compare(const Schema& from, const Schema& to);

    const QVector<SchemaChange>& changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }

    // One line per change (notes indented under their change); empty when equal.
    QString toText() const;
    // {"equal": bool, "changes": [{"kind", "table", "name", "details", "note"}, ...]}
    QJsonObject toJson() const;

    // How the comparison matches the parts of a table across the two sides: by name, or by
    // content when unnamed (SQLite). SchemaChange::name holds this key for those parts.
    static QString partKey(const UniqueConstraint& unique);
    static QString partKey(const ForeignKey& key);
    static QString partKey(const CheckConstraint& check);

    // The normalised forms the comparison uses, exposed for tests.
    static QString normalizeType(const QString& type);
    static QString normalizeDefault(const QString& expression);
    static QString normalizeExpression(const QString& expression);

private:
    void dropImpliedSequences(const Schema& from, const Schema& to);

    QVector<SchemaChange> m_changes;
};

} // namespace retort
