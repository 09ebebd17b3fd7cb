// SPDX-License-Identifier: Apache-2.0
#include "migrationlock.h"

#include "databaseconnection.h"
#include "error.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace retort {

namespace {

bool isSqliteBusy(const QSqlError& error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6");
}

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

} // namespace

MigrationLock::MigrationLock(DatabaseConnection& connection, const VersionTable& table,
                             int timeoutSeconds, const std::atomic_bool* cancel, Notice notice)
    : m_connection(connection),
      m_table(table),
      m_timeoutSeconds(timeoutSeconds),
      m_cancel(cancel),
      m_notice(std::move(notice)),
      m_key(advisoryKey(table))
{
    if (connection.dialect() == Dialect::Sqlite && !connection.url().isSqliteMemory())
        m_holderFile = holderFilePath(connection.url().databaseName());
}

MigrationLock::~MigrationLock()
{
    if (m_inTransaction)
        rollback();
    release();
}

qint64 MigrationLock::advisoryKey(const VersionTable& table)
{
    const QByteArray name = "retort:" + table.schema().toUtf8() + '.' + table.table().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(name, QCryptographicHash::Sha256);
    quint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | quint8(hash[i]);
    return qint64(key);
}

QString MigrationLock::holderFilePath(const QString& sqliteDatabase)
{
    if (sqliteDatabase.isEmpty() || sqliteDatabase == QLatin1String(":memory:"))
        return {};
    return sqliteDatabase + QLatin1String(".retort-lock");
}

QString MigrationLock::beginStatement(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

void MigrationLock::pollUntil(const std::function<bool()>& tryOnce,
                              const std::function<QString()>& holder, int intervalMs)
{
    QElapsedTimer waited;
    waited.start();
    QString lastHolder;
    while (!tryOnce()) {
        if (m_cancel && m_cancel->load())
            throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled while waiting for the migration lock"));
        const QString who = holder();
        if (waited.elapsed() >= qint64(m_timeoutSeconds) * 1000) {
            throw Error(ErrorKind::Lock,
                        QStringLiteral("the migration lock of %1 is held by %2; gave up after %3 s")
                            .arg(m_connection.url().masked(), who)
                            .arg(double(waited.elapsed()) / 1000.0, 0, 'f', 1));
        }
        if (who != lastHolder && m_notice) {
            m_notice(QStringLiteral("waiting for the migration lock held by %1").arg(who));
            lastHolder = who;
        }
        QThread::msleep(ulong(intervalMs));
    }
}

void MigrationLock::acquire()
{
    if (m_held || m_connection.dialect() != Dialect::PostgreSql)
        return;
    QSqlDatabase& db = m_connection.db();
    pollUntil(
        [&] {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT pg_try_advisory_lock(?)"));
            query.addBindValue(m_key);
            if (!query.exec() || !query.next()) {
                throw Error(ErrorKind::Database, QStringLiteral("cannot take the migration lock: %1")
                                                     .arg(query.lastError().text()));
            }
            return query.value(0).toBool();
        },
        [&] { return postgresHolder(); }, 200);
    m_held = true;
}

void MigrationLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral("SELECT pg_advisory_unlock(?)"));
    query.addBindValue(m_key);
    query.exec(); // a lost connection has released the lock anyway
}

QString MigrationLock::postgresHolder()
{
    // A bigint advisory key shows in pg_locks as classid (high half), objid (low half),
    // objsubid 1.
    const quint64 key = quint64(m_key);
    QSqlQuery query(m_connection.db());
    query.prepare(QStringLiteral(
        "SELECT a.application_name, a.usename, host(a.client_addr), a.pid, a.backend_start "
        "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
        "AND l.database = (SELECT oid FROM pg_catalog.pg_database "
        "WHERE datname = current_database()) "
        "AND l.classid::bigint = ? AND l.objid::bigint = ?"));
    query.addBindValue(qint64(key >> 32));
    query.addBindValue(qint64(key & 0xffffffffu));
    if (!query.exec() || !query.next())
        return QStringLiteral("another session (no longer listed)");
    const QString app = query.value(0).toString();
    QString who = app.isEmpty() ? QStringLiteral("a session without application_name")
                                : QStringLiteral("\"%1\"").arg(app);
    who += QStringLiteral(" (user %1").arg(query.value(1).toString());
    if (!query.value(2).isNull())
        who += QStringLiteral(" from %1").arg(query.value(2).toString());
    who += QStringLiteral(", server pid %1)").arg(query.value(3).toLongLong());
    const QDateTime since = query.value(4).toDateTime();
    if (since.isValid())
        who += QStringLiteral(" since ") + since.toUTC().toString(Qt::ISODate);
    return who;
}

QString MigrationLock::sqliteHolder() const
{
    const QString unknown = QStringLiteral("another connection (no %1)")
                                .arg(m_holderFile.isEmpty() ? QStringLiteral("lock file")
                                                            : m_holderFile);
    QFile file(m_holderFile);
    if (m_holderFile.isEmpty() || !file.open(QIODevice::ReadOnly))
        return unknown;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    if (lines.size() < 3)
        return unknown;
    const QString& who = lines[0];
    const qint64 pid = lines[1].toLongLong();
    const QString host = who.section(u'@', -1);
    if (host == QSysInfo::machineHostName() && !processAlive(pid))
        return unknown; // stale: its process is gone
    return QStringLiteral("%1 pid %2 since %3").arg(who).arg(pid).arg(lines[2]);
}

void MigrationLock::writeHolderFile()
{
    if (m_holderFile.isEmpty())
        return;
    m_holderText = QStringLiteral("%1\n%2\n%3\n")
                       .arg(currentUserAtHost())
                       .arg(QCoreApplication::applicationPid())
                       .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                       .toUtf8();
    // A plain write, not QSaveFile: the file only informs waiting runners, and QSaveFile's
    // sync to disk cost 14 ms per migration on a spinning-slow disk.
    QFile file(m_holderFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(m_holderText);
}

void MigrationLock::removeHolderFile()
{
    if (m_holderFile.isEmpty() || m_holderText.isEmpty())
        return;
    QFile file(m_holderFile);
    // Only our own: another runner may hold the lock and have written it since.
    if (file.open(QIODevice::ReadOnly) && file.readAll() == m_holderText) {
        file.close();
        file.remove();
    }
    m_holderText.clear();
}

void MigrationLock::beginTransaction()
{
    QSqlDatabase& db = m_connection.db();
    const QString begin = beginStatement(m_connection.dialect());
    if (m_connection.dialect() != Dialect::Sqlite) {
        QSqlQuery query(db);
        if (!query.exec(begin)) {
            throw Error(ErrorKind::Database,
                        QStringLiteral("cannot begin a transaction: %1").arg(query.lastError().text()));
        }
        m_inTransaction = true;
        return;
    }
    // Waiting for the write lock is polled here (to report the holder); once it is held, the
    // only waits left are short ones (COMMIT waiting for readers to finish), which SQLite's own
    // busy handler does.
    setSqliteBusyTimeout(0);
    pollUntil(
        [&] {
            QSqlQuery query(db);
            if (query.exec(begin))
                return true;
            if (!isSqliteBusy(query.lastError())) {
                throw Error(ErrorKind::Database, QStringLiteral("cannot begin a transaction: %1")
                                                     .arg(query.lastError().text()));
            }
            return false;
        },
        [&] { return sqliteHolder(); }, 50);
    m_inTransaction = true;
    setSqliteBusyTimeout(std::max(m_timeoutSeconds, 1) * 1000);
    writeHolderFile();
}

void MigrationLock::setSqliteBusyTimeout(int milliseconds)
{
    QSqlQuery(m_connection.db()).exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

void MigrationLock::commit()
{
    QSqlQuery query(m_connection.db());
    const bool ok = query.exec(QStringLiteral("COMMIT"));
    const QString error = query.lastError().text();
    if (ok) {
        m_inTransaction = false;
        removeHolderFile();
    }
    if (!ok)
        throw Error(ErrorKind::Database, QStringLiteral("cannot commit: %1").arg(error));
}

void MigrationLock::rollback()
{
    m_inTransaction = false;
    QSqlQuery query(m_connection.db());
    query.exec(QStringLiteral("ROLLBACK"));
    removeHolderFile();
}

} // namespace retort
