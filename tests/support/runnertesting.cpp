// SPDX-License-Identifier: Apache-2.0
#include "runnertesting.h"

#include "databaseconnection.h"
#include "databaseurl.h"

#include <QSqlQuery>

namespace retort::testsupport {

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
