// SPDX-License-Identifier: Apache-2.0
#include "schema/sqliteintrospector.h"

#include <QMap>
#include <QVariant>

namespace retort {

namespace {

// The tables whose PRAGMAs are read: virtual tables are skipped because reading them needs
// their module, which this connection may not have.
const QLatin1String tableFilter("m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                "AND m.sql NOT LIKE 'CREATE VIRTUAL%'");

bool sameName(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0; // how SQLite itself matches names
}

bool sameNames(const QStringList& a, const QStringList& b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (!sameName(a[i], b[i]))
            return false;
    }
    return true;
}

// Removes and returns the first parsed constraint of `kind` that `matches`, or an empty one.
template <typename Matches>
SqliteConstraintDefinition takeConstraint(SqliteTableDefinition& definition,
                                          SqliteConstraintDefinition::Kind kind, Matches matches)
{
    auto& pool = definition.constraints;
    for (auto it = pool.begin(); it != pool.end(); ++it) {
        if (it->kind == kind && matches(*it)) {
            SqliteConstraintDefinition found = *it;
            pool.erase(it);
            return found;
        }
    }
    return {};
}

// INTEGER PRIMARY KEY makes a column the rowid: never NULL, filled in when not given.
bool isRowidAlias(const Table& table, const Column& column)
{
    return !table.withoutRowid && table.primaryKey.columns == QStringList{column.name} &&
           sameName(column.type, QStringLiteral("INTEGER"));
}

} // namespace

SqliteIntrospector::SqliteIntrospector(QSqlDatabase& db, IntrospectionOptions options)
    : m_queries(db), m_options(std::move(options))
{
}

Schema SqliteIntrospector::read()
{
    m_tableIndex.clear();
    m_definitions.clear();
    m_indexSql.clear();
    Schema schema;
    readObjects(schema);
    readColumns(schema);
    readForeignKeys(schema);
    readIndexes(schema);
    schema.normalize();
    return schema;
}

Table* SqliteIntrospector::table(Schema& schema, const QString& name)
{
    const int index = m_tableIndex.value(name, -1);
    return index < 0 ? nullptr : &schema.tables[index];
}

void SqliteIntrospector::readObjects(Schema& schema)
{
    QSqlQuery query = m_queries.run(
        QStringLiteral("objects"),
        QStringLiteral(
            "SELECT type, name, sql, tbl_name FROM sqlite_master WHERE sql IS NOT NULL"));
    while (query.next()) {
        const QString type = query.value(0).toString();
        const QString name = query.value(1).toString();
        const QString sql = query.value(2).toString();
        if (type == QLatin1String("index")) {
            m_indexSql.insert(name, sql);
        } else if (type == QLatin1String("view")) {
            const SqliteViewDefinition view = SqliteDdlParser::parseView(sql);
            schema.views.append({QString(), name, view.columns, view.body, false});
        } else if (type == QLatin1String("trigger")) {
            const QString table = query.value(3).toString();
            if (!m_options.excludedTables.contains(table))
                schema.triggers.append({QString(), name, table, sql});
        } else if (type == QLatin1String("table") && !name.startsWith(QLatin1String("sqlite_")) &&
                   !m_options.excludedTables.contains(name) &&
                   !sql.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive)) {
            const SqliteTableDefinition definition = SqliteDdlParser::parseTable(sql);
            Table table;
            table.name = name;
            table.withoutRowid = definition.withoutRowid;
            for (const SqliteConstraintDefinition& c : definition.constraints) {
                if (c.kind == SqliteConstraintDefinition::Check)
                    table.checks.append({c.name, c.expression});
            }
            m_tableIndex.insert(name, int(schema.tables.size()));
            m_definitions.insert(name, definition);
            schema.tables.append(table);
        }
    }
}

void SqliteIntrospector::readColumns(Schema& schema)
{
    QSqlQuery query = m_queries.run(
        QStringLiteral("columns"),
        QStringLiteral("SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, "
                       "p.hidden FROM sqlite_master AS m, pragma_table_xinfo(m.name) AS p "
                       "WHERE ") +
            tableFilter + QStringLiteral(" ORDER BY m.name, p.cid"));
    QHash<QString, QMap<int, QString>> keyColumns; // table -> position in key -> column
    while (query.next()) {
        Table* t = table(schema, query.value(0).toString());
        const int hidden = query.value(6).toInt();
        if (!t || hidden == 1) // 1: a virtual table's hidden column
            continue;
        const SqliteTableDefinition& definition = m_definitions[t->name];
        Column column;
        column.name = query.value(1).toString();
        column.type = query.value(2).toString();
        column.nullable = query.value(3).toInt() == 0;
        column.defaultValue = query.value(4).toString();
        if (hidden >= 2) {
            column.generated = hidden == 2 ? GeneratedKind::Virtual : GeneratedKind::Stored;
            column.defaultValue.clear();
        }
        if (const SqliteColumnDefinition* parsed = definition.column(column.name)) {
            column.collation = parsed->collation;
            column.autoIncrement = parsed->autoIncrement;
            column.generatedExpression = parsed->generatedExpression;
        }
        if (const int position = query.value(5).toInt(); position > 0)
            keyColumns[t->name].insert(position, column.name);
        t->columns.append(column);
    }
    for (Table& t : schema.tables) {
        t.primaryKey.columns = keyColumns.value(t.name).values();
        if (t.primaryKey.columns.isEmpty())
            continue;
        t.primaryKey.name =
            takeConstraint(m_definitions[t.name], SqliteConstraintDefinition::PrimaryKey,
                           [](const SqliteConstraintDefinition&) { return true; })
                .name;
        for (Column& column : t.columns) {
            if (isRowidAlias(t, column)) {
                column.nullable = false;
                column.identity = IdentityKind::ByDefault;
            } else if (t.withoutRowid && t.primaryKey.columns.contains(column.name)) {
                column.nullable = false;
            }
        }
    }
}

void SqliteIntrospector::readForeignKeys(Schema& schema)
{
    QSqlQuery query = m_queries.run(
        QStringLiteral("foreign keys"),
        QStringLiteral("SELECT m.name, p.id, p.\"table\", p.\"from\", p.\"to\", p.on_update, "
                       "p.on_delete FROM sqlite_master AS m, pragma_foreign_key_list(m.name) "
                       "AS p WHERE ") +
            tableFilter + QStringLiteral(" ORDER BY m.name, p.id, p.seq"));
    Table* current = nullptr;
    int currentId = -1;
    while (query.next()) {
        Table* t = table(schema, query.value(0).toString());
        if (!t)
            continue;
        const int id = query.value(1).toInt();
        if (t != current || id != currentId) {
            ForeignKey fk;
            fk.referencedTable = query.value(2).toString();
            fk.onUpdate = query.value(5).toString();
            fk.onDelete = query.value(6).toString();
            t->foreignKeys.append(fk);
            current = t;
            currentId = id;
        }
        ForeignKey& fk = t->foreignKeys.last();
        fk.columns.append(query.value(3).toString());
        if (!query.value(4).isNull())
            fk.referencedColumns.append(query.value(4).toString());
    }
    for (Table& t : schema.tables) {
        for (ForeignKey& fk : t.foreignKeys) {
            const SqliteConstraintDefinition parsed =
                takeConstraint(m_definitions[t.name], SqliteConstraintDefinition::ForeignKey,
                               [&fk](const SqliteConstraintDefinition& c) {
                                   return sameNames(c.columns, fk.columns) &&
                                          sameName(c.referencedTable, fk.referencedTable);
                               });
            fk.name = parsed.name;
            fk.deferrable = parsed.deferrable;
            fk.initiallyDeferred = parsed.initiallyDeferred;
            // Name the target as it is stored; "REFERENCES t" alone means t's primary key.
            for (const Table& target : std::as_const(schema.tables)) {
                if (!sameName(target.name, fk.referencedTable))
                    continue;
                fk.referencedTable = target.name;
                if (fk.referencedColumns.isEmpty())
                    fk.referencedColumns = target.primaryKey.columns;
            }
        }
    }
}

void SqliteIntrospector::readIndexes(Schema& schema)
{
    QSqlQuery query = m_queries.run(
        QStringLiteral("indexes"),
        QStringLiteral("SELECT m.name, il.name, il.\"unique\", il.origin, ix.seqno, ix.cid, "
                       "ix.name, ix.\"desc\" FROM sqlite_master AS m, "
                       "pragma_index_list(m.name) AS il, pragma_index_xinfo(il.name) AS ix "
                       "WHERE ") +
            tableFilter +
            QStringLiteral(" AND il.origin <> 'pk' AND ix.\"key\" = 1 "
                           "ORDER BY m.name, il.name, ix.seqno"));
    struct Read
    {
        Table* table = nullptr;
        QString origin;
        Index index;
    };
    QVector<Read> read;
    while (query.next()) {
        Table* t = table(schema, query.value(0).toString());
        if (!t)
            continue;
        const QString name = query.value(1).toString();
        if (read.isEmpty() || read.last().table != t || read.last().index.name != name) {
            Read r{t, query.value(3).toString(), {}};
            r.index.name = name;
            r.index.unique = query.value(2).toInt() != 0;
            r.index.where = SqliteDdlParser::parseIndex(m_indexSql.value(name)).where;
            read.append(r);
        }
        Index& index = read.last().index;
        IndexElement element;
        const int cid = query.value(5).toInt();
        if (cid == -2) { // an expression: only the CREATE INDEX text has it
            const QStringList texts = SqliteDdlParser::parseIndex(m_indexSql.value(name)).elements;
            element.expression = texts.value(query.value(4).toInt());
        } else {
            element.column = cid == -1 ? QStringLiteral("rowid") : query.value(6).toString();
        }
        element.descending = query.value(7).toInt() != 0;
        index.elements.append(element);
    }
    for (Read& r : read) {
        if (r.origin != QLatin1String("u")) {
            r.table->indexes.append(r.index);
            continue;
        }
        UniqueConstraint unique;
        for (const IndexElement& element : std::as_const(r.index.elements))
            unique.columns.append(element.column);
        unique.name =
            takeConstraint(m_definitions[r.table->name], SqliteConstraintDefinition::Unique,
                           [&unique](const SqliteConstraintDefinition& c) {
                               return sameNames(c.columns, unique.columns);
                           })
                .name;
        r.table->uniqueConstraints.append(unique);
    }
}

} // namespace retort
