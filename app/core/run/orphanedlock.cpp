// SPDX-License-Identifier: Apache-2.0
#include "run/orphanedlock.h"

#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/versiontable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QThread>

namespace retort {

namespace {

OrphanedLock::Finding judge(DatabaseConnection& connection, const VersionTable& table)
{
    OrphanedLock::Finding finding;
    if (connection.dialect() != Dialect::PostgreSql) {
        finding.verdict = OrphanedLock::Verdict::NotApplicable;
        finding.explanation = QCoreApplication::translate("OrphanedLock", "only PostgreSQL keeps a migration lock in a database session; "
                                 "elsewhere the lock ends with the process that held it");
        return finding;
    }
    finding.holder = MigrationLock::currentHolder(connection, table);
    const LockHolder& holder = finding.holder;
    const bool thisHost = holder.pid > 0 && holder.who.section(u'@', -1) == QSysInfo::machineHostName();
    if (!holder.held) {
        finding.verdict = OrphanedLock::Verdict::Free;
        finding.explanation = QCoreApplication::translate("OrphanedLock", "nobody holds the migration lock");
    } else if (holder.orphaned) {
        finding.verdict = OrphanedLock::Verdict::Orphaned;
        finding.explanation = QCoreApplication::translate("OrphanedLock", "the runner's process %1 no longer exists on this host: its "
                                 "session can be ended safely (its open transaction is rolled "
                                 "back)").arg(holder.pid);
    } else if (thisHost) {
        finding.verdict = OrphanedLock::Verdict::Alive;
        finding.explanation = QCoreApplication::translate("OrphanedLock", "the runner's process %1 is still running on this host: cancel "
                                 "its run instead").arg(holder.pid);
    } else {
        finding.verdict = OrphanedLock::Verdict::Unverifiable;
        finding.explanation =
            holder.pid > 0
                ? QCoreApplication::translate("OrphanedLock", "the runner is on another host, so whether it still runs cannot be checked "
                     "from here: ending its session stops its migration if it is alive")
                : QCoreApplication::translate("OrphanedLock", "the holder is not a Retort runner, so whether it is still working cannot "
                     "be checked: ending its session stops whatever it does");
    }
    return finding;
}

VersionTable tableOf(const ProjectConfig& config, Dialect dialect)
{
    return VersionTable(dialect, config.versionTable, config.versionTableSchema);
}

} // namespace

OrphanedLock::Finding OrphanedLock::inspect(const ProjectConfig& config, const QString& databaseUrl)
{
    const DatabaseUrl url = DatabaseUrl::parse(databaseUrl);
    if (isMissingSqliteFile(url))
        return {{}, Verdict::NotApplicable, QCoreApplication::translate("OrphanedLock", "the database file does not exist")};
    DatabaseConnection connection(url, QStringLiteral("unlock"));
    return judge(connection, tableOf(config, connection.dialect()));
}

void OrphanedLock::end(const ProjectConfig& config, const QString& databaseUrl,
                       const Finding& confirmed, bool force, int waitSeconds)
{
    DatabaseConnection connection(DatabaseUrl::parse(databaseUrl), QStringLiteral("unlock"));
    const VersionTable table = tableOf(config, connection.dialect());
    const Finding now = judge(connection, table);
    if (now.verdict == Verdict::Free || now.verdict == Verdict::NotApplicable)
        return;
    if (now.holder.serverPid != confirmed.holder.serverPid) {
        throw Error(ErrorKind::Lock, QCoreApplication::translate("OrphanedLock", "the migration lock changed hands since it was checked: "
                                        "now held by %1").arg(now.holder.describe()));
    }
    const bool allowed = now.verdict == Verdict::Orphaned ||
                         (now.verdict == Verdict::Unverifiable && force);
    if (!allowed) {
        throw Error(ErrorKind::Lock, QCoreApplication::translate("OrphanedLock", "not ending the session of %1: %2")
                                         .arg(now.holder.describe(), now.explanation));
    }
    QSqlQuery query(connection.db());
    query.prepare(QStringLiteral("SELECT pg_catalog.pg_terminate_backend(?)"));
    query.addBindValue(now.holder.serverPid);
    if (!query.exec() || !query.next() || !query.value(0).toBool()) {
        const QString reason = query.lastError().isValid() ? query.lastError().text().trimmed()
                                                           : QCoreApplication::translate("OrphanedLock", "the server did not end it");
        throw Error(ErrorKind::Database, QCoreApplication::translate("OrphanedLock", "cannot end server process %1: %2")
                                             .arg(now.holder.serverPid)
                                             .arg(reason));
    }
    QElapsedTimer waited;
    waited.start();
    while (MigrationLock::currentHolder(connection, table).serverPid == now.holder.serverPid) {
        if (waited.elapsed() > qint64(waitSeconds) * 1000) {
            throw Error(ErrorKind::Lock, QCoreApplication::translate("OrphanedLock", "server process %1 was told to end but still holds "
                                            "the lock after %2 s").arg(now.holder.serverPid).arg(waitSeconds));
        }
        QThread::msleep(100);
    }
}

} // namespace retort
