// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"

#include <QList>
#include <QPair>
#include <QString>

class QSqlDatabase;

namespace retort {

// A database URL in SQLAlchemy's form, parsed and mapped onto QSqlDatabase:
//   sqlite://                      in-memory database (also sqlite:///:memory:)
//   sqlite:///relative/path.db     relative to the working directory
//   sqlite:////absolute/path.db    ?timeout=<seconds> ?mode=ro
//   postgresql[+driver]://user:pass@host:port/db?sslmode=require&connect_timeout=5
//   postgres://...  (alias)   mysql[+driver]://...  mariadb[+driver]://...
// The +driver part is accepted and ignored. User, password, host, database and query are
// percent-decoded ('+' is a space in the query only). The credentials end at the last '@'
// before the '?', so a password may hold unencoded '@', ':' or '/'; a '?' in a password and an
// '@' in a database name must be percent-encoded. An IPv6 host goes in brackets: [::1].
// Unknown query parameters are errors, never dropped. PostgreSQL's ?host=/socket/dir sets
// host() and is not kept in queryItems(). An empty password counts as none.
// The password is never shown: masked() is the form to print, and error messages show the
// URL masked too.
class DatabaseUrl
{
public:
    // Throws Error(Config) naming what is wrong, with the URL masked.
    static DatabaseUrl parse(const QString& url);

    Dialect dialect() const { return m_dialect; }
    QString driverName() const; // "QSQLITE", "QPSQL" or "QMYSQL"
    const QString& userName() const { return m_userName; }
    const QString& password() const { return m_password; }
    const QString& host() const { return m_host; }
    int port() const { return m_port; } // -1 when not given
    // SQLite: the file path ("" or ":memory:" for memory); others: the database name.
    const QString& databaseName() const { return m_databaseName; }
    bool isSqliteMemory() const;
    const QList<QPair<QString, QString>>& queryItems() const { return m_query; }

    // The same URL with `password` (typed at a prompt, read from a keychain); "" removes it.
    DatabaseUrl withPassword(const QString& password) const;

    // The URL for people: the password replaced by "***", other parts re-encoded as needed.
    QString masked() const;
    // The full URL including the password: for handing to another thread, never to print.
    // parse(toString()) gives back an equal object.
    QString toString() const;
    // The QSqlDatabase connect-options string for this URL's query parameters, in their order:
    // PostgreSQL: libpq keywords as given (values with spaces, quotes or backslashes quoted
    // for libpq); MySQL: MYSQL_OPT_*_TIMEOUT, SSL_CA/CERT/KEY, UNIX_SOCKET (charset=utf8mb4
    // or utf8 maps to nothing: QMYSQL always uses utf8mb4); SQLite: QSQLITE_BUSY_TIMEOUT in
    // milliseconds, QSQLITE_OPEN_READONLY.
    QString connectOptions() const;
    // Applies host, port, names, password and connect options to a connection whose driver
    // is driverName().
    void configure(QSqlDatabase& db) const;

    // Bounds on waiting for a server over the network (PostgreSQL, MySQL; SQLite has none).
    // The connect timeout is the URL's connect_timeout, else kDefaultConnectTimeoutSeconds;
    // 0 for SQLite.
    static constexpr int kDefaultConnectTimeoutSeconds = 10;
    bool isNetworked() const { return m_dialect != Dialect::Sqlite; }
    int connectTimeoutSeconds() const;
    // A copy whose connect_timeout is `seconds` (replacing the URL's); SQLite: unchanged.
    DatabaseUrl withConnectTimeout(int seconds) const;
    // connectOptions() plus the bounds the URL does not set itself: the connect timeout and,
    // on PostgreSQL, TCP keepalives and tcp_user_timeout, so that a server that goes silent
    // (host down, network cut) ends a statement with an error after about a minute instead
    // of never. A server that is merely slow still answers keepalives: long statements run.
    QString connectOptionsWithBounds() const;

private:
    QString m_scheme; // as written, e.g. "postgresql+psycopg2"
    Dialect m_dialect = Dialect::Sqlite;
    QString m_userName;
    QString m_password;
    QString m_host;
    int m_port = -1;
    QString m_databaseName;
    QList<QPair<QString, QString>> m_query;
};

} // namespace retort
