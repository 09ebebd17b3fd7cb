// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/ddlbuilder.h"

namespace retort {

// DDL for PostgreSQL (see DdlGenerator). Order: views that must go; foreign keys, removed
// tables, constraints, indexes and columns; enums and sequences; new tables, columns and
// column changes; constraints, indexes and foreign keys; sequence owners; removed sequences
// and enums; views; comments.
class PostgresDdlBuilder : public DdlBuilder
{
public:
    using DdlBuilder::DdlBuilder;

protected:
    void generate() override;

private:
    struct KeptTable
    {
        const Table* from = nullptr;
        const Table* to = nullptr;
        QVector<const SchemaChange*> changes;
    };

    void collectKeptTables();
    void collectRebuiltKeys();
    QSet<QString> tablesWithRetypedColumns() const;
    QString alter(const Table& table) const;
    QString constraintClause(const Table& table, Object object, const QString& name) const;

    void dropForeignKeys();
    void dropTables();
    void dropConstraintsAndIndexes();
    void dropColumns();
    void createEnums();
    void addEnumValues(const EnumType& from, const EnumType& to);
    void recreateEnum(const EnumType& from, const EnumType& to);
    void createSequences();
    void createTables();
    void addColumns();
    void alterColumns();
    void alterColumn(const KeptTable& table, const Column& from, const Column& to);
    void addConstraintsAndIndexes();
    void addForeignKeys();
    void ownSequences();
    void dropSequencesAndEnums();
    void comments();
    void comment(const QString& what, const QString& text, bool unset);

    QVector<KeptTable> m_kept;
    QVector<SchemaDependencies::DeferredKey> m_deferredKeys; // between new tables
    // Foreign keys of kept tables that must go and come back although they do not change,
    // because the key they reference does.
    struct RebuiltKey
    {
        const Table* from = nullptr;
        const Table* to = nullptr;
        QString name;
    };
    QVector<RebuiltKey> m_rebuiltKeys;
};

} // namespace retort
