// SPDX-License-Identifier: Apache-2.0
#include "schema/scratchdatabase.h"

#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/versiontable.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace retort {

namespace {

QAtomicInteger<quint32> g_scratchSerial;

void runOnServer(const DatabaseUrl& server, const QString& sql)
{
    DatabaseConnection connection(server, QStringLiteral("scratch"));
    QSqlQuery query(connection.db());
    if (!query.exec(sql))
        throw Error(ErrorKind::Database, query.lastError().text());
}

} // namespace

// The written form ends its path in "/<name>" (the name percent-encoded, so it holds no '/')
// before any "?query".
DatabaseUrl ScratchDatabase::withDatabase(const DatabaseUrl& url, const QString& name)
{
    QString text = url.toString();
    qsizetype query = text.indexOf(u'?');
    if (query < 0)
        query = text.size();
    if (url.databaseName().isEmpty()) {
        text.insert(query, u'/' + name);
    } else {
        const qsizetype slash = text.lastIndexOf(u'/', query - 1);
        text.replace(slash + 1, query - slash - 1, name);
    }
    return DatabaseUrl::parse(text);
}

ScratchDatabase::ScratchDatabase(const DatabaseUrl& server, const QString& prefix)
    : m_admin(server), m_url(server)
{
    switch (server.dialect()) {
    case Dialect::Sqlite:
        m_folder = std::make_unique<QTemporaryDir>();
        if (!m_folder->isValid())
            throw Error(ErrorKind::Database, QStringLiteral("cannot make a temporary folder for "
                                                            "a scratch database: %1")
                                                 .arg(m_folder->errorString()));
        m_url = DatabaseUrl::parse(QStringLiteral("sqlite:///") +
                                   m_folder->filePath(QStringLiteral("scratch.db")));
        return;
    case Dialect::PostgreSql:
        create(prefix, {});
        return;
    case Dialect::MySql:
        break;
    }
    throw Error(ErrorKind::Usage, QStringLiteral("scratch databases are not supported on %1 yet")
                                      .arg(dialectName(server.dialect())));
}

ScratchDatabase::ScratchDatabase(const DatabaseUrl& admin, const DatabaseUrl& user,
                                 const QString& prefix)
    : m_admin(admin), m_url(user)
{
    create(prefix, user.userName());
}

void ScratchDatabase::create(const QString& prefix, const QString& owner)
{
    const QString name = QStringLiteral("%1_%2_%3_%4")
                             .arg(prefix)
                             .arg(QCoreApplication::applicationPid())
                             .arg(++g_scratchSerial)
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
    QString sql = QStringLiteral("CREATE DATABASE ") + quoteIdentifier(Dialect::PostgreSql, name);
    if (!owner.isEmpty())
        sql += QStringLiteral(" OWNER ") + quoteIdentifier(Dialect::PostgreSql, owner);
    try {
        runOnServer(m_admin, sql);
    } catch (const Error& error) {
        throw Error(ErrorKind::Database,
                    QStringLiteral("cannot create a scratch database on %1: %2")
                        .arg(m_admin.masked(), error.message()));
    }
    m_url = withDatabase(m_url, name);
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_url.dialect() != Dialect::PostgreSql)
        return; // the temporary folder removes the SQLite file
    try {
        runOnServer(m_admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                 .arg(quoteIdentifier(Dialect::PostgreSql, m_url.databaseName())));
    } catch (const Error& error) {
        qWarning("cannot drop the scratch database %s: %s", qUtf8Printable(m_url.databaseName()),
                 error.what());
    }
}

} // namespace retort
