// SPDX-License-Identifier: Apache-2.0
#include "run/migrationlock.h"

#include "database/databaseconnection.h"
#include "common/error.h"
#include "common/singleline.h"
#include "run/sidecarfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <optional>
#include <sqlite3.h>
#include <unistd.h>
#include <vector>

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

// The session holding advisory lock `key` in the current database, as the catalog shows it.
struct AdvisorySession
{
    QString application;
    QString user;
    QString address; // null for a Unix socket
    qint64 serverPid = 0;
    QDateTime sessionStart;
};

std::optional<AdvisorySession> advisoryLockSession(QSqlDatabase& db, qint64 key)
{
    // A bigint advisory key shows in pg_locks as classid (high half), objid (low half),
    // objsubid 1.
    const quint64 bits = quint64(key);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT a.application_name, a.usename, host(a.client_addr), a.pid, a.backend_start "
        "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
        "AND l.database = (SELECT oid FROM pg_catalog.pg_database "
        "WHERE datname = current_database()) "
        "AND l.classid::bigint = ? AND l.objid::bigint = ?"));
    query.addBindValue(qint64(bits >> 32));
    query.addBindValue(qint64(bits & 0xffffffffu));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return AdvisorySession{query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), query.value(3).toLongLong(),
                           query.value(4).toDateTime()};
}

LockHolder holderOf(const AdvisorySession& session)
{
    LockHolder holder;
    holder.held = true;
    holder.serverPid = session.serverPid;
    holder.since = session.sessionStart;
    // A Retort runner names itself "retort <user>@<host> pid <pid>" (DatabaseConnection).
    static const QRegularExpression retortName(QStringLiteral("^retort (\\S+@\\S+) pid (\\d+)$"));
    const QRegularExpressionMatch match = retortName.match(session.application);
    if (match.hasMatch()) {
        holder.who = singleLine(match.captured(1));
        holder.pid = match.captured(2).toLongLong();
        holder.orphaned = holder.who.section(u'@', -1) == QSysInfo::machineHostName() &&
                          !processAlive(holder.pid);
    } else {
        // Any session may name itself anything, escape sequences included: one line of text.
        holder.who = session.application.isEmpty()
                         ? QCoreApplication::translate("MigrationLock", "a session without application_name")
                         : QStringLiteral("\"%1\"").arg(singleLine(session.application));
    }
    holder.details = QCoreApplication::translate("MigrationLock", "database user %1").arg(singleLine(session.user));
    if (!session.address.isEmpty())
        holder.details += QCoreApplication::translate("MigrationLock", " from %1").arg(singleLine(session.address));
    return holder;
}

// The holder file a SQLite runner writes: "user@host\npid\nsince\n". `held` is false for the
// file of a process on this host that is gone.
std::optional<LockHolder> readHolderFile(const QString& path)
{
    const std::optional<QByteArray> bytes =
        path.isEmpty() ? std::nullopt : SidecarFile::read(path);
    if (!bytes)
        return std::nullopt;
    const QStringList lines = QString::fromUtf8(*bytes).split(u'\n');
    if (lines.size() < 3)
        return std::nullopt;
    LockHolder holder;
    holder.who = singleLine(lines[0]); // the folder's other users can write this file
    holder.pid = lines[1].toLongLong();
    holder.since = QDateTime::fromString(lines[2], Qt::ISODate);
    holder.held =
        holder.who.section(u'@', -1) != QSysInfo::machineHostName() || processAlive(holder.pid);
    return holder;
}

// Whether any connection, of this process or another, has a write transaction open on the
// SQLite file `path` (holds its RESERVED lock or more). Asked through SQLite's own file layer:
// it tests the lock byte without taking it, and its close keeps the POSIX locks that this
// process's other connections hold on the file (a plain close() would drop them).
std::optional<bool> sqliteWriteLockHeld(const QString& path)
{
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    if (!vfs)
        return std::nullopt;
    std::vector<std::max_align_t> storage(size_t(vfs->szOsFile) / sizeof(std::max_align_t) + 1);
    auto* file = reinterpret_cast<sqlite3_file*>(storage.data());
    file->pMethods = nullptr;
    const QByteArray name = QFile::encodeName(QFileInfo(path).absoluteFilePath());
    const std::unique_ptr<const char, void (*)(const char*)> filename(
        sqlite3_create_filename(name.constData(), "", "", 0, nullptr),
        [](const char* p) { sqlite3_free_filename(p); });
    int openedAs = 0;
    const int opened = vfs->xOpen(vfs, filename.get(), file,
                                  SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &openedAs);
    std::optional<bool> held;
    int reserved = 0;
    if (opened == SQLITE_OK && file->pMethods->xCheckReservedLock(file, &reserved) == SQLITE_OK)
        held = reserved != 0;
    if (file->pMethods)
        file->pMethods->xClose(file);
    return held;
}

LockHolder sqliteHolderNow(DatabaseConnection& connection)
{
    const DatabaseUrl& url = connection.url();
    if (url.isSqliteMemory())
        return {}; // private to its connection: nobody else can hold it
    const std::optional<LockHolder> recorded =
        readHolderFile(MigrationLock::holderFilePath(url.databaseName()));
    if (recorded && recorded->held)
        return *recorded;
    LockHolder holder;
    holder.held = sqliteWriteLockHeld(url.databaseName()).value_or(false);
    if (holder.held) {
        holder.who = QCoreApplication::translate("MigrationLock", "another connection");
        holder.details = QCoreApplication::translate("MigrationLock", "a write transaction is open; no Retort runner "
                                        "recorded itself");
    }
    return holder;
}

} // namespace

QString LockHolder::describe() const
{
    if (!held)
        return {};
    QStringList about;
    if (pid > 0)
        about << QCoreApplication::translate("MigrationLock", "pid %1").arg(pid);
    if (serverPid > 0)
        about << QCoreApplication::translate("MigrationLock", "server pid %1").arg(serverPid);
    if (!details.isEmpty())
        about << details;
    QString text =
        about.isEmpty() ? who : QStringLiteral("%1 (%2)").arg(who, about.join(QStringLiteral(", ")));
    if (orphaned)
        text += QStringLiteral("; ") + orphanedNote(pid);
    return text;
}

QString LockHolder::orphanedNote(qint64 pid)
{
    return QCoreApplication::translate(
               "MigrationLock",
               "its process %1 no longer exists on this host: the session is orphaned and keeps "
               "the lock until its statement ends")
        .arg(pid);
}

LockHolder MigrationLock::currentHolder(DatabaseConnection& connection, const VersionTable& table)
{
    switch (connection.dialect()) {
    case Dialect::PostgreSql: {
        const std::optional<AdvisorySession> session =
            advisoryLockSession(connection.db(), advisoryKey(table));
        return session ? holderOf(*session) : LockHolder();
    }
    case Dialect::Sqlite:
        return sqliteHolderNow(connection);
    case Dialect::MySql:
        break; // no lock on MySQL yet
    }
    return {};
}

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
    return sqliteSidecarPath(sqliteDatabase, QStringLiteral(".retort-lock"));
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
            throw Error(ErrorKind::Cancelled, QCoreApplication::translate("MigrationLock", "cancelled while waiting for the migration lock"));
        const QString who = holder();
        if (waited.elapsed() >= qint64(m_timeoutSeconds) * 1000) {
            throw Error(ErrorKind::Lock,
                        QCoreApplication::translate("MigrationLock", "the migration lock of %1 is held by %2; gave up after %3 s")
                            .arg(m_connection.url().masked(), who)
                            .arg(double(waited.elapsed()) / 1000.0, 0, 'f', 1));
        }
        if (who != lastHolder && m_notice) {
            m_notice(QCoreApplication::translate("MigrationLock", "waiting for the migration lock held by %1").arg(who));
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
                throw Error(ErrorKind::Database, QCoreApplication::translate("MigrationLock", "cannot take the migration lock: %1")
                                                     .arg(query.lastError().text()));
            }
            return query.value(0).toBool();
        },
        [&] { return postgresHolder(); }, 200);
    m_held = true;
}

void MigrationLock::release()
{
    removeHolderFile();
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
    const std::optional<AdvisorySession> session = advisoryLockSession(m_connection.db(), m_key);
    if (!session)
        return QCoreApplication::translate("MigrationLock", "another session (no longer listed)");
    QString who = session->application.isEmpty()
                      ? QCoreApplication::translate("MigrationLock", "a session without application_name")
                      : QStringLiteral("\"%1\"").arg(singleLine(session->application));
    who += QCoreApplication::translate("MigrationLock", " (user %1").arg(singleLine(session->user));
    if (!session->address.isEmpty())
        who += QCoreApplication::translate("MigrationLock", " from %1").arg(singleLine(session->address));
    who += QCoreApplication::translate("MigrationLock", ", server pid %1)").arg(session->serverPid);
    if (session->sessionStart.isValid())
        who += QCoreApplication::translate("MigrationLock", " since ") + session->sessionStart.toUTC().toString(Qt::ISODate);
    const LockHolder holder = holderOf(*session);
    if (holder.orphaned)
        who += QStringLiteral("; ") + LockHolder::orphanedNote(holder.pid);
    return who;
}

QString MigrationLock::sqliteHolder() const
{
    const std::optional<LockHolder> recorded = readHolderFile(m_holderFile);
    if (!recorded || !recorded->held) {
        // none, unreadable, or stale: its process is gone
        return QCoreApplication::translate("MigrationLock", "another connection (no %1)")
            .arg(m_holderFile.isEmpty() ? QCoreApplication::translate("MigrationLock", "lock file") : m_holderFile);
    }
    return QCoreApplication::translate("MigrationLock", "%1 pid %2 since %3")
        .arg(recorded->who)
        .arg(recorded->pid)
        .arg(recorded->since.toUTC().toString(Qt::ISODate));
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
    // sync to disk cost 14 ms per migration on a spinning-slow disk. Never through a link
    // (SidecarFile); a file that cannot be written only leaves waiting runners uninformed.
    SidecarFile::write(m_holderFile, m_holderText);
}

void MigrationLock::removeHolderFile()
{
    if (m_holderFile.isEmpty() || m_holderText.isEmpty())
        return;
    // Only our own: another runner may have taken the lock between two of our steps and
    // written it since.
    if (SidecarFile::read(m_holderFile) == m_holderText)
        ::unlink(QFile::encodeName(m_holderFile).constData());
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
                        QCoreApplication::translate("MigrationLock", "cannot begin a transaction: %1").arg(query.lastError().text()));
        }
        m_inTransaction = true;
        return;
    }
    // Waiting for the write lock is polled here (to report the holder); once it is held, the
    // only waits left are short ones (COMMIT waiting for readers to finish), which SQLite's own
    // busy handler does.
    setSqliteBusyTimeout(0);
    bool waited = false;
    pollUntil(
        [&] {
            QSqlQuery query(db);
            if (query.exec(begin))
                return true;
            if (!isSqliteBusy(query.lastError())) {
                throw Error(ErrorKind::Database, QCoreApplication::translate("MigrationLock", "cannot begin a transaction: %1")
                                                     .arg(query.lastError().text()));
            }
            waited = true;
            return false;
        },
        [&] { return sqliteHolder(); }, 50);
    m_inTransaction = true;
    setSqliteBusyTimeout(std::max(m_timeoutSeconds, 1) * 1000);
    // Once per run, not per step (its four file system calls a step were 4% of a 10,000-step
    // run in perf); again after a wait, as the runner we waited for may have written its own.
    if (waited || m_holderText.isEmpty())
        writeHolderFile();
}

void MigrationLock::setSqliteBusyTimeout(int milliseconds)
{
    // Twice per migration: through the handle rather than a PRAGMA parsed each time.
    if (void* handle = m_connection.sqliteHandle())
        sqlite3_busy_timeout(static_cast<sqlite3*>(handle), milliseconds);
    else
        QSqlQuery(m_connection.db()).exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds));
}

void MigrationLock::commit()
{
    QSqlQuery query(m_connection.db());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("MigrationLock", "cannot commit: %1").arg(query.lastError().text()));
    }
    m_inTransaction = false;
    m_dataVersionAfterCommit = sqliteDataVersion();
}

// SQLite's data version of the main database: it changes with every commit to the file, of
// this connection or any other (SQLITE_FCNTL_DATA_VERSION). No SQL: a field of the pager.
std::optional<unsigned> MigrationLock::sqliteDataVersion() const
{
    auto* handle = static_cast<sqlite3*>(m_connection.sqliteHandle());
    unsigned version = 0;
    if (!handle || sqlite3_file_control(handle, "main", SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
        return std::nullopt;
    return version;
}

bool MigrationLock::othersMayHaveCommitted() const
{
    // Read inside the transaction: BEGIN IMMEDIATE has looked for other connections' commits.
    const std::optional<unsigned> now = sqliteDataVersion();
    return !now || !m_dataVersionAfterCommit || *now != *m_dataVersionAfterCommit;
}

void MigrationLock::rollback()
{
    m_inTransaction = false;
    QSqlQuery query(m_connection.db());
    query.exec(QStringLiteral("ROLLBACK"));
}

} // namespace retort
