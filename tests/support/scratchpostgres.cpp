// SPDX-License-Identifier: Apache-2.0
#include "scratchpostgres.h"

#include "postgres/testpostgres.h"
#include "database/databaseconnection.h"
#include "common/error.h"
#include "schema/localpostgresserver.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <cerrno>
#include <csignal>

namespace retort::testsupport {

namespace {

bool adminExec(const QString& adminUrl, const QString& sql)
{
    try {
        DatabaseConnection admin(DatabaseUrl::parse(adminUrl), QStringLiteral("scratch-admin"));
        QSqlQuery query(admin.db());
        if (query.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    } catch (const Error& error) {
        qWarning("%s", error.what());
    }
    return false;
}

} // namespace

ScratchPostgres::ScratchPostgres(const QString& name)
    : m_admin(retortTestPostgresAdminUrl()),
      m_database(QStringLiteral("%1_%2").arg(name).arg(QCoreApplication::applicationPid()))
{
    const QString user = retortTestPostgresUrl();
    if (m_admin.isEmpty() || user.isEmpty())
        return;
    if (adminExec(m_admin, QStringLiteral("CREATE DATABASE %1 OWNER retort_user").arg(m_database)))
        m_url = user.left(user.lastIndexOf(u'/') + 1) + m_database;
}

ScratchPostgres::~ScratchPostgres()
{
    if (isValid())
        adminExec(m_admin, QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(m_database));
}

QStringList leftBehindDatabases(const QString& url, const QString& prefix)
{
    QStringList left;
    DatabaseConnection connection(DatabaseUrl::parse(url), QStringLiteral("left-behind"));
    QSqlQuery query(connection.db());
    if (!query.exec(QStringLiteral("SELECT datname FROM pg_database")))
        return {query.lastError().text()};
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (!name.startsWith(prefix + u'_'))
            continue;
        const qint64 pid = name.mid(prefix.size() + 1).section(u'_', 0, 0).toLongLong();
        if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
            left.append(name);
    }
    return left;
}

QString pgDumpSchema(const QString& url)
{
    const DatabaseUrl parsed = DatabaseUrl::parse(url);
    QProcess dump;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), parsed.password());
    dump.setProcessEnvironment(environment);
    dump.start(LocalPostgresServer::findBinaries(15) + QStringLiteral("/pg_dump"),
               {QStringLiteral("--schema-only"), QStringLiteral("-h"), parsed.host(),
                QStringLiteral("-p"), QString::number(parsed.port()), QStringLiteral("-U"),
                parsed.userName(), parsed.databaseName()});
    if (!dump.waitForFinished(300000) || dump.exitStatus() != QProcess::NormalExit ||
        dump.exitCode() != 0) {
        dump.kill();
        throw Error(ErrorKind::Database, QStringLiteral("pg_dump failed: ") +
                                             QString::fromLocal8Bit(dump.readAllStandardError()));
    }
    return QString::fromUtf8(dump.readAllStandardOutput());
}

} // namespace retort::testsupport
