// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/catalogquery.h"
#include "schema/schema.h"
#include "schema/schemaintrospector.h"

#include <QHash>

namespace retort {

// Reads a PostgreSQL database's schemas from pg_catalog with one query per kind of object
// (tables and columns, constraints, indexes, views, enums, sequences, comments), each over
// every schema at once: the number of queries does not depend on the number of tables.
// Objects that belong to extensions are left out. Types come from format_type(), defaults and
// predicates from pg_get_expr(), checks from pg_get_constraintdef(), index expressions from
// pg_get_indexdef(); identity and generated columns from attidentity and attgenerated.
class PostgresIntrospector
{
public:
    PostgresIntrospector(QSqlDatabase& db, IntrospectionOptions options = {});

    // Throws Error(Database).
    Schema read();
    int queryCount() const { return m_queries.count(); }

private:
    QSqlQuery run(const QString& what, const QString& sql);
    // The SQL condition choosing the schemas to read, on the namespace alias `n`.
    QString namespaceFilter() const;
    void readTables(Schema& schema);
    void readConstraints();
    void readIndexes();
    void readViews(Schema& schema);
    void readEnums(Schema& schema);
    void readSequences(Schema& schema);
    void readComments();
    // The table read under `key` ("schema\0name"), or nullptr (excluded, or not in the schemas).
    Table* table(const QString& key);
    // Names for the attribute numbers of an int2[] or int2vector text, from the first query.
    QStringList columnNames(const QString& key, const QString& numbers) const;

    CatalogQuery m_queries;
    IntrospectionOptions m_options;
    Schema* m_schema = nullptr;       // being read
    QHash<QString, int> m_tableIndex; // "schema\0name" -> index in m_schema->tables
    QHash<QString, QHash<int, QString>> m_columnNames; // "schema\0name" -> attnum -> name
};

} // namespace retort
