// SPDX-License-Identifier: Apache-2.0
#include "run/runsettings.h"

#include "database/databaseconnection.h"
#include "run/sidecarfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace retort {

namespace {

bool isRollbackJournal(const QString& mode)
{
    return mode == QLatin1String("delete") || mode == QLatin1String("truncate") ||
           mode == QLatin1String("persist");
}

QString readMarker(const QString& path)
{
    const std::optional<QByteArray> bytes = SidecarFile::read(path, 64);
    if (!bytes)
        return {};
    const QString mode = QString::fromLatin1(*bytes).trimmed().toLower();
    return isRollbackJournal(mode) ? mode : QString();
}

} // namespace

RunSettings::RunSettings(DatabaseConnection& connection, SyncPolicy policy, Notice notice)
    : m_connection(connection), m_policy(policy), m_notice(std::move(notice))
{
    if (connection.dialect() == Dialect::Sqlite)
        applySqlite();
    else if (connection.dialect() == Dialect::PostgreSql)
        applyPostgres();
}

RunSettings::~RunSettings()
{
    try {
        finish();
    } catch (...) {
        // The run's own error is on its way; this one would only hide it.
    }
}

void RunSettings::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_connection.dialect() == Dialect::Sqlite)
        finishSqlite();
    else if (m_connection.dialect() == Dialect::PostgreSql)
        finishPostgres();
}

QString RunSettings::journalMarkerPath(const QString& sqliteDatabase)
{
    return sqliteSidecarPath(sqliteDatabase, QStringLiteral(".retort-journal"));
}

QString RunSettings::firstValue(const QString& statement)
{
    QSqlQuery query(m_connection.db());
    if (query.exec(statement) && query.next())
        return query.value(0).toString();
    return {};
}

void RunSettings::applySqlite()
{
    m_foreignKeysWereOn = firstValue(QStringLiteral("PRAGMA foreign_keys")) == QLatin1String("1");
    if (m_foreignKeysWereOn)
        firstValue(QStringLiteral("PRAGMA foreign_keys = OFF"));
    m_marker = journalMarkerPath(m_connection.url().databaseName());
    const QString mode = firstValue(QStringLiteral("PRAGMA journal_mode")).toLower();

    if (m_policy == SyncPolicy::EndOfRun && isRollbackJournal(mode) && !m_marker.isEmpty()) {
        // The marker goes first, so that a run killed right after the switch leaves it. Made
        // new (O_EXCL, never through a link: SidecarFile), or kept from a killed run.
        const SidecarFile::Created marker = SidecarFile::create(m_marker, mode.toLatin1());
        const bool wroteMarker = marker == SidecarFile::Created::New;
        if (marker != SidecarFile::Created::Failed &&
            firstValue(QStringLiteral("PRAGMA journal_mode = WAL")) == QLatin1String("wal")) {
            firstValue(QStringLiteral("PRAGMA synchronous = NORMAL"));
            return;
        }
        if (wroteMarker)
            QFile::remove(m_marker);
        // No WAL (another connection is writing, or the file system has no shared memory):
        // every step is synced, as below.
    }
    if (mode == QLatin1String("wal")) {
        firstValue(m_policy == SyncPolicy::EndOfRun ? QStringLiteral("PRAGMA synchronous = NORMAL")
                                                    : QStringLiteral("PRAGMA synchronous = FULL"));
        return;
    }
    // A rollback journal that is truncated instead of deleted after each commit, and
    // synchronous=NORMAL: the journal is still synced before the database file is written, and
    // the database file at every commit, so each step is durable. What goes is deleting the
    // journal file and its second sync.
    if (mode == QLatin1String("delete"))
        m_truncating = firstValue(QStringLiteral("PRAGMA journal_mode = TRUNCATE")) ==
                       QLatin1String("truncate");
    firstValue(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

void RunSettings::finishSqlite()
{
    // No waiting below: a connection that keeps the database open would make the journal
    // switch wait for as long as the busy timeout says, for nothing.
    firstValue(QStringLiteral("PRAGMA busy_timeout = 0"));
    if (firstValue(QStringLiteral("PRAGMA journal_mode")).toLower() == QLatin1String("wal")) {
        // FULL waits (busy timeout) for a writer and for readers of older snapshots, then
        // syncs the WAL, copies it into the database file and syncs that.
        firstValue(QStringLiteral("PRAGMA busy_timeout = 2000"));
        QSqlQuery query(m_connection.db());
        const bool checkpointed = query.exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)")) &&
                                  query.next() && query.value(0).toInt() == 0;
        firstValue(QStringLiteral("PRAGMA busy_timeout = 0"));
        if (!checkpointed && m_policy == SyncPolicy::EndOfRun && m_notice) {
            m_notice(QCoreApplication::translate("RunSettings", "could not checkpoint the WAL of %1 (another connection is "
                                    "using the database): the run's steps are committed, and "
                                    "reach the disk with the next checkpoint")
                         .arg(m_connection.url().databaseName()));
        }
    }
    const QString original = m_marker.isEmpty() ? QString() : readMarker(m_marker);
    if (!original.isEmpty()) {
        if (firstValue(QStringLiteral("PRAGMA journal_mode = ") + original) == original) {
            QFile::remove(m_marker);
        } else if (m_notice) {
            m_notice(QCoreApplication::translate("RunSettings", "%1 stays in WAL mode for now: another connection has it "
                                    "open. The next run puts journal mode %2 back (%3)")
                         .arg(m_connection.url().databaseName(), original, m_marker));
        }
    } else if (QFile::exists(m_marker)) {
        QFile::remove(m_marker); // unreadable: written by a run killed before it wrote a mode
    }
    if (m_truncating)
        firstValue(QStringLiteral("PRAGMA journal_mode = DELETE"));
    if (m_foreignKeysWereOn)
        firstValue(QStringLiteral("PRAGMA foreign_keys = ON"));
}

void RunSettings::applyPostgres()
{
    // A runner killed during a long statement leaves its session running it, holding the
    // migration lock, until the statement ends. PostgreSQL 14 and later check the client's
    // socket every so often while a statement runs and end an orphaned session (Linux).
    // Older servers do not know the setting: set only where it exists.
    firstValue(QStringLiteral("SELECT pg_catalog.set_config(name, '1000', false) FROM "
                              "pg_catalog.pg_settings WHERE name = "
                              "'client_connection_check_interval'"));
    // EveryStep asks for it even when the server's default is off: that is its promise.
    firstValue(m_policy == SyncPolicy::EndOfRun ? QStringLiteral("SET synchronous_commit TO off")
                                                : QStringLiteral("SET synchronous_commit TO on"));
}

void RunSettings::finishPostgres()
{
    if (m_policy != SyncPolicy::EndOfRun)
        return;
    // A transaction with a transaction id writes a commit record; committing it
    // synchronously flushes the WAL up to there, and so every commit before it.
    QSqlQuery query(m_connection.db());
    const bool flushed = query.exec(QStringLiteral("RESET synchronous_commit")) &&
                         query.exec(QStringLiteral("BEGIN")) &&
                         query.exec(QStringLiteral("SELECT txid_current()")) &&
                         query.exec(QStringLiteral("COMMIT"));
    if (!flushed && m_notice) {
        const QString error = query.lastError().text();
        query.exec(QStringLiteral("ROLLBACK"));
        m_notice(QCoreApplication::translate("RunSettings", "could not confirm that the run's commits reached the disk: %1")
                     .arg(error));
    }
}

} // namespace retort
