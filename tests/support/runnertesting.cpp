// SPDX-License-Identifier: Apache-2.0
#include "runnertesting.h"

#include "database/databaseconnection.h"
#include "database/databaseurl.h"

#include <QSqlError>
#include <QSqlQuery>

namespace retort::testsupport {

PlainConnection::PlainConnection(const QString& driver, const QString& database)
{
    static int count = 0;
    m_name = QStringLiteral("testsupport-plain-%1").arg(++count);
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_name);
    db.setDatabaseName(database);
    if (!db.open())
        qWarning("%s: %s", qPrintable(database), qPrintable(db.lastError().text()));
}

PlainConnection::~PlainConnection()
{
    db().close();
    QSqlDatabase::removeDatabase(m_name);
}

bool PlainConnection::exec(const QString& sql) const
{
    QSqlQuery query(db());
    if (!query.exec(sql))
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return query.isActive();
}

RunRequest runRequest(const QString& configPath, const QString& url, Direction direction,
                      const QString& target)
{
    RunRequest request;
    request.configPath = configPath;
    request.databaseUrl = url;
    request.direction = direction;
    request.target = target;
    request.lockTimeoutSeconds = 20;
    return request;
}

RunResult runSync(const RunRequest& request, QVector<RunEvent>* events)
{
    MigrationRunner runner;
    if (events)
        runner.setSink([events](const RunEvent& event) { events->append(event); });
    return runner.run(request);
}

QStringList queryStrings(const QString& url, const QString& sql)
{
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("peek"));
    return queryStrings(connection.db(), sql);
}

QStringList queryStrings(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        qWarning("%s failed", qPrintable(sql));
    QStringList result;
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

} // namespace retort::testsupport
