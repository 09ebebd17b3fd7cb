// SPDX-License-Identifier: Apache-2.0
#include "schema/schema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace retort {

namespace {

// Sort keys: the name first; unnamed SQLite constraints fall back on their content.
template <typename T, typename Key> void sortBy(QVector<T>& list, Key key)
{
    std::stable_sort(list.begin(), list.end(),
                     [&key](const T& a, const T& b) { return key(a) < key(b); });
}

void normalizeTable(Table& table)
{
    sortBy(table.uniqueConstraints,
           [](const UniqueConstraint& u) { return std::tie(u.name, u.columns); });
    sortBy(table.foreignKeys, [](const ForeignKey& f) {
        return std::tie(f.name, f.columns, f.referencedTable, f.referencedColumns);
    });
    sortBy(table.checks, [](const CheckConstraint& c) { return std::tie(c.name, c.expression); });
    sortBy(table.indexes, [](const Index& i) { return std::tie(i.name); });
}

// JSON helpers that leave out what is at its default, so golden files show what matters.
void putText(QJsonObject& object, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

void putFlag(QJsonObject& object, const QString& key, bool value)
{
    if (value)
        object.insert(key, true);
}

void putList(QJsonObject& object, const QString& key, const QStringList& values)
{
    if (!values.isEmpty())
        object.insert(key, QJsonArray::fromStringList(values));
}

template <typename T, typename ToJson>
void putObjects(QJsonObject& object, const QString& key, const QVector<T>& items, ToJson toJson)
{
    if (items.isEmpty())
        return;
    QJsonArray array;
    for (const T& item : items)
        array.append(toJson(item));
    object.insert(key, array);
}

QJsonObject columnJson(const Column& column)
{
    QJsonObject o{{QStringLiteral("name"), column.name},
                  {QStringLiteral("type"), column.type},
                  {QStringLiteral("nullable"), column.nullable}};
    putText(o, QStringLiteral("default"), column.defaultValue);
    putText(o, QStringLiteral("identity"), identityKindName(column.identity));
    putFlag(o, QStringLiteral("autoincrement"), column.autoIncrement);
    putText(o, QStringLiteral("generated"), generatedKindName(column.generated));
    putText(o, QStringLiteral("generatedExpression"), column.generatedExpression);
    putText(o, QStringLiteral("collation"), column.collation);
    putText(o, QStringLiteral("comment"), column.comment);
    return o;
}

QJsonObject uniqueJson(const UniqueConstraint& unique)
{
    QJsonObject o{{QStringLiteral("columns"), QJsonArray::fromStringList(unique.columns)}};
    putText(o, QStringLiteral("name"), unique.name);
    putFlag(o, QStringLiteral("deferrable"), unique.deferrable);
    putFlag(o, QStringLiteral("initiallyDeferred"), unique.initiallyDeferred);
    return o;
}

QJsonObject foreignKeyJson(const ForeignKey& fk)
{
    QJsonObject o{
        {QStringLiteral("columns"), QJsonArray::fromStringList(fk.columns)},
        {QStringLiteral("referencedTable"), fk.referencedTable},
        {QStringLiteral("referencedColumns"), QJsonArray::fromStringList(fk.referencedColumns)},
        {QStringLiteral("onUpdate"), fk.onUpdate},
        {QStringLiteral("onDelete"), fk.onDelete}};
    putText(o, QStringLiteral("name"), fk.name);
    putText(o, QStringLiteral("referencedSchema"), fk.referencedSchema);
    if (fk.match != QLatin1String("SIMPLE"))
        o.insert(QStringLiteral("match"), fk.match);
    putFlag(o, QStringLiteral("deferrable"), fk.deferrable);
    putFlag(o, QStringLiteral("initiallyDeferred"), fk.initiallyDeferred);
    return o;
}

QJsonObject checkJson(const CheckConstraint& check)
{
    QJsonObject o{{QStringLiteral("expression"), check.expression}};
    putText(o, QStringLiteral("name"), check.name);
    return o;
}

QJsonObject indexElementJson(const IndexElement& element)
{
    QJsonObject o;
    putText(o, QStringLiteral("column"), element.column);
    putText(o, QStringLiteral("expression"), element.expression);
    putFlag(o, QStringLiteral("descending"), element.descending);
    putText(o, QStringLiteral("nulls"), element.nulls);
    return o;
}

QJsonObject indexJson(const Index& index)
{
    QJsonObject o{{QStringLiteral("name"), index.name}};
    putFlag(o, QStringLiteral("unique"), index.unique);
    putObjects(o, QStringLiteral("elements"), index.elements, indexElementJson);
    putList(o, QStringLiteral("include"), index.include);
    putText(o, QStringLiteral("where"), index.where);
    putText(o, QStringLiteral("method"), index.method);
    return o;
}

QJsonObject tableJson(const Table& table)
{
    QJsonObject o{{QStringLiteral("name"), table.name}};
    putText(o, QStringLiteral("schema"), table.schema);
    putObjects(o, QStringLiteral("columns"), table.columns, columnJson);
    if (!table.primaryKey.columns.isEmpty()) {
        QJsonObject pk{
            {QStringLiteral("columns"), QJsonArray::fromStringList(table.primaryKey.columns)}};
        putText(pk, QStringLiteral("name"), table.primaryKey.name);
        o.insert(QStringLiteral("primaryKey"), pk);
    }
    putObjects(o, QStringLiteral("uniqueConstraints"), table.uniqueConstraints, uniqueJson);
    putObjects(o, QStringLiteral("foreignKeys"), table.foreignKeys, foreignKeyJson);
    putObjects(o, QStringLiteral("checks"), table.checks, checkJson);
    putObjects(o, QStringLiteral("indexes"), table.indexes, indexJson);
    putFlag(o, QStringLiteral("withoutRowid"), table.withoutRowid);
    putText(o, QStringLiteral("comment"), table.comment);
    return o;
}

QJsonObject viewJson(const View& view)
{
    QJsonObject o{{QStringLiteral("name"), view.name},
                  {QStringLiteral("definition"), view.definition}};
    putText(o, QStringLiteral("schema"), view.schema);
    putList(o, QStringLiteral("columns"), view.columns);
    putFlag(o, QStringLiteral("materialized"), view.materialized);
    return o;
}

QJsonObject triggerJson(const Trigger& trigger)
{
    QJsonObject o{{QStringLiteral("name"), trigger.name},
                  {QStringLiteral("table"), trigger.table},
                  {QStringLiteral("definition"), trigger.definition}};
    putText(o, QStringLiteral("schema"), trigger.schema);
    return o;
}

QJsonObject enumJson(const EnumType& type)
{
    QJsonObject o{{QStringLiteral("name"), type.name},
                  {QStringLiteral("labels"), QJsonArray::fromStringList(type.labels)}};
    putText(o, QStringLiteral("schema"), type.schema);
    return o;
}

QJsonObject sequenceJson(const Sequence& s)
{
    // Numbers as strings: JSON doubles cannot hold every 64-bit value.
    const auto number = [](qint64 value) { return QString::number(value); };
    QJsonObject o{{QStringLiteral("name"), s.name},
                  {QStringLiteral("type"), s.type},
                  {QStringLiteral("start"), number(s.start)},
                  {QStringLiteral("increment"), number(s.increment)},
                  {QStringLiteral("minValue"), number(s.minValue)},
                  {QStringLiteral("maxValue"), number(s.maxValue)},
                  {QStringLiteral("cache"), number(s.cache)}};
    putText(o, QStringLiteral("schema"), s.schema);
    putFlag(o, QStringLiteral("cycle"), s.cycle);
    putText(o, QStringLiteral("ownedBy"), s.ownedBy);
    return o;
}

template <typename T>
auto findByName(T& list, const QString& schemaName, const QString& name) -> decltype(list.data())
{
    for (auto& item : list) {
        if (item.schema == schemaName && item.name == name)
            return &item;
    }
    return nullptr;
}

} // namespace

const Column* Table::column(const QString& columnName) const
{
    for (const Column& c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

Column* Table::column(const QString& columnName)
{
    return const_cast<Column*>(std::as_const(*this).column(columnName));
}

const Table* Schema::table(const QString& schemaName, const QString& name) const
{
    return findByName(tables, schemaName, name);
}

Table* Schema::table(const QString& schemaName, const QString& name)
{
    return findByName(tables, schemaName, name);
}

const View* Schema::view(const QString& schemaName, const QString& name) const
{
    return findByName(views, schemaName, name);
}

void Schema::normalize()
{
    const auto byQualifiedName = [](const auto& item) { return std::tie(item.schema, item.name); };
    sortBy(tables, byQualifiedName);
    sortBy(views, byQualifiedName);
    sortBy(enums, byQualifiedName);
    sortBy(sequences, byQualifiedName);
    sortBy(triggers, byQualifiedName);
    for (Table& table : tables)
        normalizeTable(table);
}

QJsonObject Schema::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("tables"), QJsonArray());
    putObjects(o, QStringLiteral("tables"), tables, tableJson);
    putObjects(o, QStringLiteral("views"), views, viewJson);
    putObjects(o, QStringLiteral("enums"), enums, enumJson);
    putObjects(o, QStringLiteral("sequences"), sequences, sequenceJson);
    putObjects(o, QStringLiteral("triggers"), triggers, triggerJson);
    return o;
}

QByteArray Schema::toJsonText() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

QString qualifiedName(const QString& schema, const QString& name)
{
    return schema.isEmpty() ? name : schema + u'.' + name;
}

QString identityKindName(IdentityKind kind)
{
    switch (kind) {
    case IdentityKind::None:
        return {};
    case IdentityKind::Always:
        return QStringLiteral("always");
    case IdentityKind::ByDefault:
        return QStringLiteral("by default");
    }
    return {};
}

QString generatedKindName(GeneratedKind kind)
{
    switch (kind) {
    case GeneratedKind::None:
        return {};
    case GeneratedKind::Stored:
        return QStringLiteral("stored");
    case GeneratedKind::Virtual:
        return QStringLiteral("virtual");
    }
    return {};
}

} // namespace retort
