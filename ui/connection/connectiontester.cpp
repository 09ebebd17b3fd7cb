// SPDX-License-Identifier: Apache-2.0
#include "connection/connectiontester.h"

#include "common/error.h"
#include "connection/connectionfields.h"
#include "database/databaseconnection.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>

namespace retort::ui {

namespace {

// What a connection test brings back from its pool thread.
struct TestAnswer
{
    bool connected = false;
    bool noFileYet = false; // SQLite: nothing to open, the first upgrade creates the file
    QString version;
    QString error;
};

QString versionQuery(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite: // counting the tables makes SQLite read the file's header
        return QStringLiteral("SELECT sqlite_version(), count(*) FROM sqlite_master");
    case Dialect::PostgreSql:
        return QStringLiteral("SHOW server_version");
    case Dialect::MySql:
        return QStringLiteral("SELECT version()");
    }
    return {};
}

QString productName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite:
        return QStringLiteral("SQLite");
    case Dialect::PostgreSql:
        return QStringLiteral("PostgreSQL");
    case Dialect::MySql:
        return QStringLiteral("MySQL / MariaDB");
    }
    return {};
}

// Runs on a pool thread: the connection is made, used and removed there (DatabaseConnection).
TestAnswer testOnThisThread(const QString& url)
{
    TestAnswer answer;
    try {
        const DatabaseUrl parsed = DatabaseUrl::parse(url);
        if (parsed.dialect() == Dialect::Sqlite && !parsed.databaseName().isEmpty() &&
            !parsed.isSqliteMemory() && !QFileInfo::exists(parsed.databaseName())) {
            answer.connected = answer.noFileYet = true;
            return answer;
        }
        DatabaseConnection connection(parsed, QStringLiteral("connection-test"));
        QSqlQuery query(connection.db());
        if (!query.exec(versionQuery(parsed.dialect())) || !query.next()) {
            answer.error = query.lastError().text();
            return answer;
        }
        answer.version = query.value(0).toString();
        answer.connected = true;
    } catch (const Error& error) {
        answer.error = error.message();
    }
    return answer;
}

} // namespace

void ConnectionTester::test(const QString& url)
{
    if (isTesting())
        return;
    ConnectionFields fields = ConnectionFields::fromUrl(DatabaseUrl::parse(url), url);
    if (fields.dialect == Dialect::Sqlite) {
        if (!fields.inMemory && fields.option(QStringLiteral("mode")).isEmpty())
            fields.setOption(QStringLiteral("mode"), QStringLiteral("ro")); // a test writes nothing
    } else if (fields.option(QStringLiteral("connect_timeout")).isEmpty()) {
        fields.setOption(QStringLiteral("connect_timeout"), QString::number(m_connectTimeout));
    }
    const int generation = ++m_started;
    const QString password = fields.password;
    const Dialect dialect = fields.dialect;
    auto* watcher = new QFutureWatcher<TestAnswer>(this);
    connect(watcher, &QFutureWatcher<TestAnswer>::finished, this,
            [this, watcher, generation, password, dialect] {
                watcher->deleteLater();
                m_answered = generation;
                const TestAnswer answer = watcher->result();
                if (answer.noFileYet) {
                    Q_EMIT finished(true, tr("There is no file there yet: the first upgrade "
                                             "creates it."));
                } else if (answer.connected) {
                    Q_EMIT finished(true, tr("Connected to %1 %2.")
                                              .arg(productName(dialect), answer.version));
                } else {
                    QString error = answer.error;
                    // Drivers do not echo passwords, but make sure of it.
                    if (!password.isEmpty())
                        error.replace(password, QStringLiteral("***"));
                    Q_EMIT finished(false, error);
                }
            });
    const QString fullUrl = fields.toUrl();
    watcher->setFuture(QtConcurrent::run([fullUrl] { return testOnThisThread(fullUrl); }));
}

} // namespace retort::ui
