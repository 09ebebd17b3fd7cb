// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"
#include "common/dialect.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace retort {

// The dialect of an open connection, from its driver name.
Dialect dialectOf(const QSqlDatabase& db);

// "user@host" of this process, for lock holders and history rows.
QString currentUserAtHost();

// A file Retort keeps next to a SQLite database: `database` + `suffix`. Empty for an
// in-memory database, which has no place for one.
QString sqliteSidecarPath(const QString& database, const QString& suffix);

// Whether opening `url` would create it: a SQLite file that is not there (yet). Readers treat
// such a database as empty and leave it uncreated.
bool isMissingSqliteFile(const DatabaseUrl& url);

// A QSqlDatabase connection of its own, opened in the current thread under a unique name and
// removed again by the destructor (in that same thread). Qt connections cannot move between
// threads, so work handed to another thread passes the URL and opens its own.
// Session set-up per dialect:
//   PostgreSQL: application_name "retort <user>@<host> pid <pid>" unless the URL names one;
//   SQLite: busy timeout 0 unless the URL sets ?timeout (callers poll for the write lock).
// Server notices (PostgreSQL NOTICE, WARNING, INFO from RAISE or DDL such as "... does not exist,
// skipping") go to the handler set with setNoticeHandler(), and nowhere else: libpq's default
// would print them on stderr, in the middle of the CLI's own output.
class DatabaseConnection
{
public:
    // Opens the connection. `purpose` goes into the connection name. Throws Error(Database)
    // with the driver's message and the URL masked.
    explicit DatabaseConnection(const DatabaseUrl& url, const QString& purpose = {});
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection&) = delete;
    DatabaseConnection& operator=(const DatabaseConnection&) = delete;

    QSqlDatabase& db() { return m_db; }
    const DatabaseUrl& url() const { return m_url; }
    Dialect dialect() const { return m_url.dialect(); }
    const QString& name() const { return m_name; }
    // PostgreSQL: the server process serving this connection (for pg_cancel_backend); 0
    // elsewhere.
    qint64 backendPid() const { return m_backendPid; }
    // SQLite: the sqlite3* handle (for sqlite3_interrupt); nullptr elsewhere.
    void* sqliteHandle() const { return m_sqliteHandle; }

    // "NOTICE: relation \"t\" does not exist, skipping", called in this thread while a
    // statement runs. An empty handler drops notices.
    using NoticeHandler = std::function<void(const QString&)>;
    void setNoticeHandler(NoticeHandler handler) { m_noticeHandler = std::move(handler); }

private:
    static void receiveNotice(void* connection, const void* pgResult);


    DatabaseUrl m_url;
    QString m_name;
    QSqlDatabase m_db;
    qint64 m_backendPid = 0;
    void* m_sqliteHandle = nullptr;
    NoticeHandler m_noticeHandler;
};

} // namespace retort
