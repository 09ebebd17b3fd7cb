// SPDX-License-Identifier: Apache-2.0
#include "ddl/ddlwriter.h"

#include "common/error.h"
#include "common/singleline.h"

#include <QRegularExpression>

namespace retort {

namespace {

const QLatin1String kNoAction("NO ACTION");

// Parts of a CREATE TABLE body, one per line.
QString bodyLines(const QStringList& parts)
{
    return QStringLiteral("(\n    ") + parts.join(QStringLiteral(",\n    ")) +
           QStringLiteral("\n)");
}

QString constraintName(const QString& name)
{
    return name.isEmpty() ? QString()
                          : QStringLiteral("CONSTRAINT ") + DdlWriter::quote(name) + u' ';
}

} // namespace

DdlWriter::DdlWriter(Dialect dialect, QString defaultSchema)
    : m_dialect(dialect), m_defaultSchema(std::move(defaultSchema))
{
}

QString DdlWriter::quote(const QString& identifier)
{
    return u'"' + QString(identifier).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString DdlWriter::literal(const QString& text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

QString DdlWriter::quotedList(const QStringList& identifiers)
{
    QStringList quoted;
    for (const QString& identifier : identifiers)
        quoted.append(quote(identifier));
    return u'(' + quoted.join(QStringLiteral(", ")) + u')';
}

QString DdlWriter::name(const QString& schema, const QString& name) const
{
    if (schema.isEmpty() || schema == m_defaultSchema)
        return quote(name);
    return quote(schema) + u'.' + quote(name);
}

QString DdlWriter::defaultClause(const QString& expression)
{
    // What DEFAULT takes without parentheses in both dialects: a signed number, a string
    // (PostgreSQL: with a cast to a plain type name), NULL, TRUE, FALSE, CURRENT_*.
    static const QRegularExpression bare(
        QStringLiteral("^(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?"
                       "|'(?:[^']|'')*'(?:::[a-z_][a-z0-9_ ]*(?:\\(\\d+(?:,\\s*\\d+)?\\))?)?"
                       "|null|true|false|current_timestamp|current_date|current_time)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = expression.trimmed();
    return QStringLiteral("DEFAULT ") + (bare.match(text).hasMatch() ? text : u'(' + text + u')');
}

QString DdlWriter::type(const QString& declared, const QString& owner) const
{
    // Words (with $ for PostgreSQL names), "quoted" identifiers, dots between them, modifiers
    // of numbers or words ("numeric(10, 2)", "geometry(Point,4326)") and array brackets.
    static const QRegularExpression shape(
        QStringLiteral("^(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")"
                       "(?:\\s*\\.\\s*(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")"
                       "|\\s+(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")"
                       "|\\s*\\(\\s*[+-]?[A-Za-z0-9_]+(?:\\s*,\\s*[+-]?[A-Za-z0-9_]+)*\\s*\\)"
                       "|\\s*\\[\\d*\\])*\\z"));
    // Words that start a column constraint: no type holds them, and in a type's place they
    // would add a default, a key or a reference to the column.
    static const QRegularExpression constraintWord(
        QStringLiteral("(?:^|\\s)(?:constraint|primary|foreign|key|not|null|unique|check|default|"
                       "collate|references|generated|as|autoincrement|on)(?:\\s|\\(|$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"]|\"\")*\""));
    if (shape.match(declared).hasMatch() &&
        !constraintWord.match(QString(declared).replace(quoted, QStringLiteral("\"\""))).hasMatch())
        return declared;
    if (isSqlite())
        return quote(declared);
    throw Error(ErrorKind::Database,
                QStringLiteral("%1: the type '%2' read from the database is not a type name; "
                               "refusing to write it into DDL")
                    .arg(singleLine(owner), singleLine(declared)));
}

bool DdlWriter::keyOnColumn(const Column& column, const Table& table)
{
    return column.autoIncrement && table.primaryKey.columns == QStringList{column.name};
}

QString DdlWriter::columnDefinition(const Column& column, const Table& table) const
{
    QString text = quote(column.name);
    if (!column.type.isEmpty())
        text += u' ' + type(column.type, quote(table.name) + u'.' + quote(column.name));
    if (!column.collation.isEmpty())
        text += QStringLiteral(" COLLATE ") + quote(column.collation);
    const bool sqliteRowid = isSqlite() && column.identity == IdentityKind::ByDefault;
    if (isSqlite() && keyOnColumn(column, table))
        text += u' ' + constraintName(table.primaryKey.name) +
                QStringLiteral("PRIMARY KEY AUTOINCREMENT");
    if (!column.nullable && !sqliteRowid)
        text += QStringLiteral(" NOT NULL");
    if (column.generated != GeneratedKind::None) {
        text += QStringLiteral(" GENERATED ALWAYS AS (") + column.generatedExpression +
                (column.generated == GeneratedKind::Stored ? QStringLiteral(") STORED")
                                                           : QStringLiteral(") VIRTUAL"));
    } else if (!column.defaultValue.isEmpty()) {
        text += u' ' + defaultClause(column.defaultValue);
    }
    if (!isSqlite() && column.identity != IdentityKind::None)
        text += column.identity == IdentityKind::Always
                    ? QStringLiteral(" GENERATED ALWAYS AS IDENTITY")
                    : QStringLiteral(" GENERATED BY DEFAULT AS IDENTITY");
    return text;
}

QString DdlWriter::deferrable(bool deferrable, bool initiallyDeferred) const
{
    if (!deferrable)
        return {};
    return initiallyDeferred ? QStringLiteral(" DEFERRABLE INITIALLY DEFERRED")
                             : QStringLiteral(" DEFERRABLE");
}

QString DdlWriter::primaryKeyClause(const PrimaryKey& key) const
{
    return constraintName(key.name) + QStringLiteral("PRIMARY KEY ") + quotedList(key.columns);
}

QString DdlWriter::uniqueClause(const UniqueConstraint& unique) const
{
    return constraintName(unique.name) + QStringLiteral("UNIQUE ") + quotedList(unique.columns) +
           deferrable(unique.deferrable, unique.initiallyDeferred);
}

QString DdlWriter::foreignKeyClause(const ForeignKey& key, const Table& owner) const
{
    QString text = constraintName(key.name) + QStringLiteral("FOREIGN KEY ") +
                   quotedList(key.columns) + QStringLiteral(" REFERENCES ") +
                   name(key.referencedSchema.isEmpty() ? owner.schema : key.referencedSchema,
                        key.referencedTable);
    if (!key.referencedColumns.isEmpty())
        text += u' ' + quotedList(key.referencedColumns);
    if (!isSqlite() && key.match != QLatin1String("SIMPLE"))
        text += QStringLiteral(" MATCH ") + key.match;
    if (key.onUpdate != kNoAction)
        text += QStringLiteral(" ON UPDATE ") + key.onUpdate;
    if (key.onDelete != kNoAction)
        text += QStringLiteral(" ON DELETE ") + key.onDelete;
    return text + deferrable(key.deferrable, key.initiallyDeferred);
}

QString DdlWriter::checkClause(const CheckConstraint& check) const
{
    return constraintName(check.name) + QStringLiteral("CHECK (") + check.expression + u')';
}

QString DdlWriter::createTable(const Table& table, const QString& as,
                               const QStringList& leaveOut) const
{
    QStringList parts;
    bool keyDeclared = false;
    for (const Column& column : table.columns) {
        parts.append(columnDefinition(column, table));
        keyDeclared = keyDeclared || (isSqlite() && keyOnColumn(column, table));
    }
    if (!table.primaryKey.columns.isEmpty() && !keyDeclared)
        parts.append(primaryKeyClause(table.primaryKey));
    for (const UniqueConstraint& unique : table.uniqueConstraints)
        parts.append(uniqueClause(unique));
    for (const ForeignKey& key : table.foreignKeys) {
        if (key.name.isEmpty() || !leaveOut.contains(key.name))
            parts.append(foreignKeyClause(key, table));
    }
    for (const CheckConstraint& check : table.checks)
        parts.append(checkClause(check));
    return QStringLiteral("CREATE TABLE ") + (as.isEmpty() ? nameOf(table) : quote(as)) + u' ' +
           bodyLines(parts) + (table.withoutRowid ? QStringLiteral(" WITHOUT ROWID") : QString());
}

QString DdlWriter::dropTable(const Table& table) const
{
    return QStringLiteral("DROP TABLE ") + nameOf(table);
}

QString DdlWriter::createIndex(const Index& index, const Table& table) const
{
    QStringList elements;
    for (const IndexElement& element : index.elements) {
        QString text;
        if (!element.column.isEmpty())
            text = quote(element.column);
        else // PostgreSQL wants an expression in parentheses unless it is a function call
            text = isSqlite() ? element.expression : u'(' + element.expression + u')';
        if (element.descending)
            text += QStringLiteral(" DESC");
        if (!element.nulls.isEmpty())
            text += QStringLiteral(" NULLS ") + element.nulls;
        elements.append(text);
    }
    QString text =
        QStringLiteral("CREATE ") + (index.unique ? QStringLiteral("UNIQUE ") : QString()) +
        QStringLiteral("INDEX ") + quote(index.name) + QStringLiteral(" ON ") + nameOf(table);
    if (!index.method.isEmpty() && index.method != QLatin1String("btree"))
        text += QStringLiteral(" USING ") + index.method;
    text += QStringLiteral(" (") + elements.join(QStringLiteral(", ")) + u')';
    if (!index.include.isEmpty())
        text += QStringLiteral(" INCLUDE ") + quotedList(index.include);
    if (!index.where.isEmpty())
        text += QStringLiteral(" WHERE ") + index.where;
    return text;
}

QString DdlWriter::dropIndex(const Index& index, const Table& table) const
{
    return QStringLiteral("DROP INDEX ") + name(table.schema, index.name);
}

QString DdlWriter::createView(const View& view) const
{
    return QStringLiteral("CREATE ") +
           (view.materialized ? QStringLiteral("MATERIALIZED ") : QString()) +
           QStringLiteral("VIEW ") + nameOf(view) +
           (view.columns.isEmpty() ? QString() : u' ' + quotedList(view.columns)) +
           QStringLiteral(" AS ") + view.definition;
}

QString DdlWriter::dropView(const View& view) const
{
    return QStringLiteral("DROP ") +
           (view.materialized ? QStringLiteral("MATERIALIZED ") : QString()) +
           QStringLiteral("VIEW ") + nameOf(view);
}

} // namespace retort
