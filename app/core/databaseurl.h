// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dialect.h"

#include <QList>
#include <QPair>
#include <QString>

class QSqlDatabase;

namespace retort {

// A database URL in SQLAlchemy's form, parsed and mapped onto QSqlDatabase:
//   sqlite://                      in-memory database
//   sqlite:///relative/path.db     relative to the working directory
//   sqlite:////absolute/path.db
//   postgresql[+driver]://user:pass@host:port/db?sslmode=require&connect_timeout=5
//   mysql[+driver]://...  mariadb[+driver]://...
// User, password, host and database are percent-decoded. The password is never shown:
// masked() is the form to print.
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

    // The URL for people: the password replaced by "***".
    QString masked() const;
    // The full URL including the password: for handing to another thread, never to print.
    QString toString() const;
    // The QSqlDatabase connect-options string for this URL's query parameters
    // (sslmode, connect_timeout, ... for PostgreSQL; busy timeout for SQLite).
    QString connectOptions() const;
    // Applies host, port, names, password and connect options to a connection whose driver
    // is driverName().
    void configure(QSqlDatabase& db) const;

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
