// SPDX-License-Identifier: Apache-2.0
#include "runnertesting.h"

#include "database/databaseconnection.h"
#include "database/databaseurl.h"

#include <QSqlError>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QSqlRecord>

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

QStringList schemaLines(const QSqlDatabase& db)
{
    if (db.driverName() == QLatin1String("QSQLITE")) {
        return queryStrings(db, QStringLiteral("SELECT type || ' ' || name || ': ' || coalesce(sql, '') "
                                               "FROM sqlite_master ORDER BY type, name"));
    }
    return queryStrings(
        db, QStringLiteral(
                "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || "
                "is_nullable || ' ' || coalesce(column_default, '') FROM "
                "information_schema.columns WHERE table_schema = 'public' UNION ALL "
                "SELECT conrelid::regclass || ' ' || conname || ' ' || "
                "pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = "
                "'public'::regnamespace UNION ALL SELECT indexdef FROM pg_indexes WHERE "
                "schemaname = 'public' UNION ALL SELECT 'sequence ' || sequencename "
                "FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"));
}

QString databaseSnapshot(const QSqlDatabase& db)
{
    const bool sqlite = db.driverName() == QLatin1String("QSQLITE");
    QStringList out = schemaLines(db);
    const QStringList tables = queryStrings(
        db, sqlite ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                   : QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                    "ORDER BY 1"));
    for (const QString& table : tables) {
        const QString name = db.driver()->escapeIdentifier(table, QSqlDriver::TableName);
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT * FROM %1").arg(name)))
            qWarning("%s: %s", qPrintable(table), qPrintable(query.lastError().text()));
        QStringList rows;
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < query.record().count(); ++i)
                fields.append(query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            rows.append(fields.join(u'|'));
        }
        rows.sort();
        out.append(QStringLiteral("rows of ") + table + QStringLiteral(":\n  ") + rows.join(QStringLiteral("\n  ")));
    }
    return out.join(u'\n');
}

} // namespace retort::testsupport
