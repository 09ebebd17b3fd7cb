// SPDX-License-Identifier: Apache-2.0
#include "schema/devdatabase.h"

#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/versiontable.h"
#include "schema/localpostgresserver.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

namespace retort {

namespace {

QString queryValue(const DatabaseUrl& url, const QString& sql)
{
    DatabaseConnection connection(url, QStringLiteral("dev"));
    QSqlQuery query(connection.db());
    if (!query.exec(sql) || !query.next())
        throw Error(ErrorKind::Database,
                    QStringLiteral("%1: %2").arg(url.masked(), query.lastError().text()));
    return query.value(0).toString();
}

int majorOf(const QString& version)
{
    static const QRegularExpression number(QStringLiteral("PostgreSQL\\)? (\\d+)"));
    const QRegularExpressionMatch match = number.match(version);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

const char* const kDevOption = QT_TRANSLATE_NOOP(
    "retort", "name another place with dev_url in retort.ini or --dev-url: a PostgreSQL URL "
              "whose user may create databases, or 'local' for a throwaway local server");

} // namespace

DevDatabase::DevDatabase(const DatabaseUrl& target, const QString& devUrl) : m_target(target)
{
    if (target.dialect() == Dialect::Sqlite || devUrl.isEmpty())
        return; // SQLite needs no server: memory and temporary files
    if (devUrl == QLatin1String("local")) {
        m_local = true;
        return;
    }
    DatabaseUrl url = DatabaseUrl::parse(devUrl);
    if (url.dialect() != target.dialect())
        throw Error(ErrorKind::Config,
                    QCoreApplication::translate("retort", "the dev database %1 (dev_url, "
                                                          "--dev-url) is %2, but the project's "
                                                          "database is %3")
                        .arg(url.masked(), dialectName(url.dialect()),
                             dialectName(target.dialect())));
    m_configured = url;
}

DevDatabase::~DevDatabase()
{
    m_modelDatabase.reset(); // before the server it may be on
    m_server.reset();
}

DevDatabase::Place DevDatabase::modelPlace() const
{
    if (m_target.dialect() == Dialect::Sqlite)
        return Place::Sqlite;
    if (m_configured)
        return Place::Configured;
    return m_local ? Place::LocalServer : Place::TargetServer;
}

DevDatabase::Place DevDatabase::replayPlace() const
{
    if (m_target.dialect() == Dialect::Sqlite)
        return Place::Sqlite;
    return m_configured ? Place::Configured : Place::LocalServer;
}

QString DevDatabase::describeReplayPlace() const
{
    switch (replayPlace()) {
    case Place::Sqlite:
        return QCoreApplication::translate("retort", "a temporary SQLite file");
    case Place::Configured:
        return m_configured->masked();
    case Place::TargetServer:
    case Place::LocalServer:
        break;
    }
    return QCoreApplication::translate("retort", "a throwaway local PostgreSQL server");
}

QString DevDatabase::noLocalServerMessage() const
{
    const int major = majorOf(m_targetVersion);
    const QString version = major > 0 ? QString::number(major) : QStringLiteral("15");
    return QCoreApplication::translate(
               "retort", "scripts replay on a throwaway local PostgreSQL server, and no server "
                         "binaries are installed here (/usr/lib/postgresql/%1/bin): install the "
                         "Debian package postgresql-%1 (or set RETORT_PG_BIN), or name a dev "
                         "database with dev_url in retort.ini or --dev-url (statements on roles, "
                         "databases, tablespaces and server settings are refused there)")
        .arg(version);
}

LocalPostgresServer& DevDatabase::localServer()
{
    if (!m_server) {
        LocalPostgresServer::Options options;
        options.binDirectory = LocalPostgresServer::findBinaries(majorOf(m_targetVersion));
        if (options.binDirectory.isEmpty())
            throw Error(ErrorKind::Database, noLocalServerMessage());
        options.cancelled = m_cancelled;
        m_server = std::make_unique<LocalPostgresServer>(options);
    }
    return *m_server;
}

DatabaseUrl DevDatabase::modelDatabase()
{
    const Place place = modelPlace();
    if (place == Place::Sqlite)
        return DatabaseUrl::parse(QStringLiteral("sqlite://"));
    if (m_modelDatabase)
        return m_modelDatabase->url();
    const QString prefix = QStringLiteral("retort_dev");
    try {
        switch (place) {
        case Place::LocalServer: {
            LocalPostgresServer& server = localServer();
            m_modelDatabase = std::make_unique<ScratchDatabase>(
                server.adminUrl(), server.replayUrl(QStringLiteral("postgres")), prefix);
            break;
        }
        case Place::Configured:
            m_modelDatabase = std::make_unique<ScratchDatabase>(*m_configured, prefix);
            break;
        default:
            m_modelDatabase = std::make_unique<ScratchDatabase>(m_target, prefix);
            break;
        }
    } catch (const Error& error) {
        if (error.kind() != ErrorKind::Database || place == Place::LocalServer)
            throw;
        const DatabaseUrl& server = place == Place::Configured ? *m_configured : m_target;
        throw Error(ErrorKind::Database,
                    QCoreApplication::translate("retort", "models load in a temporary database, "
                                                          "and none can be made on %1 (the user "
                                                          "needs the CREATEDB right): %2. Or %3")
                        .arg(server.masked(), error.message(),
                             QCoreApplication::translate("retort", kDevOption)));
    }
    return m_modelDatabase->url();
}

std::unique_ptr<ScratchDatabase> DevDatabase::replayDatabase()
{
    switch (replayPlace()) {
    case Place::Sqlite:
        return std::make_unique<ScratchDatabase>(m_target);
    case Place::Configured:
        try {
            return std::make_unique<ScratchDatabase>(*m_configured);
        } catch (const Error& error) {
            throw Error(ErrorKind::Database,
                        QCoreApplication::translate("retort", "scripts replay in a temporary "
                                                              "database on the dev database's "
                                                              "server (dev_url, --dev-url), and "
                                                              "none can be made there (its user "
                                                              "needs CREATEDB): %1")
                            .arg(error.message()));
        }
    case Place::TargetServer:
    case Place::LocalServer:
        break;
    }
    LocalPostgresServer& server = localServer();
    copyTargetRoles();
    auto database = std::make_unique<ScratchDatabase>(
        server.adminUrl(), server.replayUrl(QStringLiteral("postgres")),
        QStringLiteral("retort_scratch"));
    // Roles made as plain roles may own objects there (ALTER ... OWNER TO).
    DatabaseConnection admin(server.adminUrl(database->url().databaseName()),
                             QStringLiteral("dev"));
    QSqlQuery(admin.db()).exec(QStringLiteral("GRANT CREATE ON SCHEMA public TO PUBLIC"));
    return database;
}

QString DevDatabase::modelServerVersion()
{
    if (!m_modelVersion.isEmpty())
        return m_modelVersion;
    switch (modelPlace()) {
    case Place::Sqlite:
        m_modelVersion = QStringLiteral("sqlite ") + QString::fromLatin1(sqlite3_libversion());
        break;
    case Place::LocalServer:
        // Without starting it: the binaries say which version they are.
        m_modelVersion = m_server ? m_server->version()
                                  : LocalPostgresServer::versionOf(
                                        LocalPostgresServer::findBinaries(majorOf(m_targetVersion)));
        if (m_modelVersion.isEmpty())
            throw Error(ErrorKind::Database, noLocalServerMessage());
        break;
    case Place::Configured:
        m_modelVersion = queryValue(*m_configured, QStringLiteral("SELECT version()"));
        break;
    case Place::TargetServer:
        m_modelVersion = !m_targetVersion.isEmpty()
                             ? m_targetVersion
                             : queryValue(m_target, QStringLiteral("SELECT version()"));
        break;
    }
    return m_modelVersion;
}

// Scripts often grant to or hand objects to roles made outside them: the local server gets
// the target's role names as plain roles. Best effort: a replay that needs none goes on.
void DevDatabase::copyTargetRoles()
{
    if (m_rolesCopied)
        return;
    m_rolesCopied = true;
    try {
        DatabaseConnection target(m_target, QStringLiteral("dev-roles"));
        QSqlQuery names(target.db());
        if (!names.exec(QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname !~ '^pg_' "
                                       "ORDER BY 1 LIMIT 10000")))
            return;
        QStringList roles;
        while (names.next())
            roles.append(names.value(0).toString());
        createPlainRoles(roles);
    } catch (const Error&) {
        // The target is unreachable or hides its roles: replays go on without them.
    }
}

void DevDatabase::createPlainRole(const QString& role)
{
    createPlainRoles({role});
}

void DevDatabase::createPlainRoles(const QStringList& roles)
{
    if (replayPlace() != Place::LocalServer || !m_server || roles.isEmpty())
        return;
    DatabaseConnection admin(m_server->adminUrl(), QStringLiteral("dev-roles"));
    QSqlQuery existing(admin.db());
    QSet<QString> there;
    if (existing.exec(QStringLiteral("SELECT rolname FROM pg_roles"))) {
        while (existing.next())
            there.insert(existing.value(0).toString());
    }
    QString sql;
    for (const QString& role : roles) {
        if (role.isEmpty() || there.contains(role))
            continue; // the server's own roles among them
        there.insert(role);
        const QString quoted = quoteIdentifier(Dialect::PostgreSql, role);
        sql += QStringLiteral("CREATE ROLE %1 NOLOGIN; GRANT %1 TO %2;\n")
                   .arg(quoted, LocalPostgresServer::replayRole());
    }
    if (!sql.isEmpty())
        QSqlQuery(admin.db()).exec(sql);
}

} // namespace retort
