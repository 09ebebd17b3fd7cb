// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/ddlbuilder.h"

namespace retort {

// DDL for SQLite (see DdlGenerator): ALTER TABLE ADD COLUMN / DROP COLUMN and CREATE / DROP
// INDEX where SQLite allows them and the column order comes out as the target's; a table
// rebuild (SqliteTableRebuild) for every other change to a table.
class SqliteDdlBuilder : public DdlBuilder
{
public:
    using DdlBuilder::DdlBuilder;

protected:
    void generate() override;

private:
    // Whether ALTER TABLE can bring the table from `from` to `to` with these changes.
    bool altersInPlace(const Table& from, const Table& to,
                       const QVector<const SchemaChange*>& changes) const;
    static bool canAddColumn(const Column& column, const Table& table);
    static bool canDropColumn(const Column& column, const Table& table);

    void dropTriggers(const QSet<QString>& alteredTables);
    void createTriggers();
    void rebuild(const Table& from, const Table& to);
    void alterInPlace(const Table& from, const Table& to,
                      const QVector<const SchemaChange*>& changes);
    void createIndexes(const Table& table);

    QSet<QString> m_droppedTriggers; // qualified names
};

} // namespace retort
