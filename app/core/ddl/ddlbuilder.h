// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/ddlgenerator.h"
#include "ddl/ddlwarnings.h"
#include "ddl/ddlwriter.h"
#include "ddl/schemadependencies.h"
#include "schema/schemadiff.h"

#include <QSet>

namespace retort {

// What DDL generation for every dialect shares: the two schemas and their diff, lookups from
// a change to its objects, the statement list with its lint comments, and the views that must
// go before and come back after the tables change. PostgresDdlBuilder and SqliteDdlBuilder
// decide the statements.
class DdlBuilder
{
public:
    DdlBuilder(const DdlWriter& writer, const Schema& from, const Schema& to);
    virtual ~DdlBuilder() = default;
    DdlBuilder(const DdlBuilder&) = delete;
    DdlBuilder& operator=(const DdlBuilder&) = delete;

    QVector<DdlStatement> build();

protected:
    using Object = SchemaChange::Object;
    using Action = SchemaChange::Action;

    virtual void generate() = 0;

    // The changes to one kind of object, in the diff's order; with `action`, only those.
    QVector<const SchemaChange*> changes(Object object) const;
    QVector<const SchemaChange*> changes(Object object, Action action) const;
    // The changes to tables, columns, constraints and indexes, by table.
    QHash<QString, QVector<const SchemaChange*>> tableChanges() const;

    static const Table* findTable(const Schema& schema, const QString& qualified);
    template <typename T>
    static const T* findObject(const QVector<T>& objects, const QString& qualified);
    template <typename T> static const T* byName(const QVector<T>& objects, const QString& name);

    // Appends a statement, with the lint's destructive findings above it. Both refuse text that
    // is not exactly one statement (checkOneStatement).
    void add(const QString& sql, QStringList comments = {});
    // Appends a statement whose lint findings do not apply.
    void addQuiet(const QString& sql, QStringList comments = {});

    // The tables of `schema` that `other` lacks, in creation order (drop in reverse); the
    // foreign keys that close cycles between them go to `deferred`.
    static QVector<const Table*>
    tablesOnlyIn(const Schema& schema, const Schema& other,
                 QVector<SchemaDependencies::DeferredKey>* deferred = nullptr);

    // Views: removed, changed, or depending on `alteredTables` (unqualified names; their
    // definitions may stop compiling while the tables change) are dropped by dropViews();
    // createViews() makes those of `to` again, and the new ones, after the tables.
    void dropViews(const QSet<QString>& alteredTables);
    void createViews();

    const DdlWriter& m_writer;
    const Schema& m_from;
    const Schema& m_to;
    const SchemaDiff m_diff;

private:
    // Throws Error(Database) unless `sql` is exactly one statement of the dialect.
    void checkOneStatement(const QString& sql) const;

    DdlWarnings m_warnings;
    QVector<DdlStatement> m_statements;
    QSet<QString> m_droppedViews; // qualified names
};

template <typename T>
const T* DdlBuilder::findObject(const QVector<T>& objects, const QString& qualified)
{
    for (const T& object : objects) {
        if (qualifiedName(object) == qualified)
            return &object;
    }
    return nullptr;
}

template <typename T> const T* DdlBuilder::byName(const QVector<T>& objects, const QString& name)
{
    for (const T& object : objects) {
        if (object.name == name)
            return &object;
    }
    return nullptr;
}

} // namespace retort
