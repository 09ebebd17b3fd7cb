// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/catalogquery.h"
#include "schema/schema.h"
#include "schema/schemaintrospector.h"
#include "schema/sqliteddlparser.h"

#include <QHash>

namespace retort {

// Reads an SQLite database's main schema: sqlite_master, the table-valued PRAGMA functions
// (table_xinfo, foreign_key_list, index_list, index_xinfo) joined over every table so the
// number of queries is fixed, and the stored CREATE statements for what PRAGMAs leave out
// (constraint names, CHECK, AUTOINCREMENT, COLLATE, generated expressions, partial index
// predicates, index expressions, deferrable foreign keys). sqlite_* tables, virtual tables and
// the excluded tables are left out.
class SqliteIntrospector
{
public:
    SqliteIntrospector(QSqlDatabase& db, IntrospectionOptions options = {});

    // Throws Error(Database).
    Schema read();
    int queryCount() const { return m_queries.count(); }

private:
    void readObjects(Schema& schema);
    void readColumns(Schema& schema);
    void readForeignKeys(Schema& schema);
    void readIndexes(Schema& schema);
    Table* table(Schema& schema, const QString& name);

    CatalogQuery m_queries;
    IntrospectionOptions m_options;
    QHash<QString, int> m_tableIndex;                    // name -> index in schema.tables
    QHash<QString, SqliteTableDefinition> m_definitions; // by table name
    QHash<QString, QString> m_indexSql;                  // CREATE INDEX by index name
};

} // namespace retort
