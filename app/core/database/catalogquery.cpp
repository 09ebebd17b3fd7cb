// SPDX-License-Identifier: Apache-2.0
#include "database/catalogquery.h"

#include "common/error.h"

#include <QSqlError>

namespace retort {

QSqlQuery CatalogQuery::run(const QString& what, const QString& sql, const QVariantList& values)
{
    const auto fail = [&](const QSqlError& error) {
        return Error(ErrorKind::Database, QStringLiteral("cannot read the schema of %1: %2: %3")
                                              .arg(m_db.databaseName(), what, error.text()));
    };
    if (!m_db.isOpen())
        throw Error(ErrorKind::Database, QStringLiteral("cannot read the schema of %1: %2: the "
                                                        "connection is not open")
                                             .arg(m_db.databaseName(), what));
    ++m_count;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (values.isEmpty()) {
        if (!query.exec(sql))
            throw fail(query.lastError());
        return query;
    }
    if (!query.prepare(sql))
        throw fail(query.lastError());
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        throw fail(query.lastError());
    return query;
}

} // namespace retort
