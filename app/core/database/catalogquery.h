// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace retort {

// Runs the catalog queries of an introspector on one connection and counts them, so tests can
// check that the count does not grow with the size of the schema.
class CatalogQuery
{
public:
    explicit CatalogQuery(QSqlDatabase& db) : m_db(db) {}

    // Runs `sql` (forward-only) with `values` bound to its '?' placeholders. Throws
    // Error(Database) "cannot read the schema of <database>: <what>: <driver message>".
    QSqlQuery run(const QString& what, const QString& sql, const QVariantList& values = {});
    int count() const { return m_count; }

private:
    QSqlDatabase& m_db;
    int m_count = 0;
};

} // namespace retort
