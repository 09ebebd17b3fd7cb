// SPDX-License-Identifier: Apache-2.0
#include "schema/schemareader.h"

#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/databasestatus.h"
#include "run/migrationhistory.h"
#include "run/migrationrunner.h"
#include "schema/devdatabase.h"
#include "schema/modelcache.h"
#include "schema/replayguard.h"
#include "schema/schemamodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <future>

namespace retort {

namespace {

QString currentSchema(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT current_schema()")) || !query.next())
        throw Error(ErrorKind::Database, QStringLiteral("cannot read the current schema: ") +
                                             query.lastError().text());
    const QString name = query.value(0).toString();
    return name.isEmpty() ? QStringLiteral("public") : name;
}

} // namespace

SchemaReader::SchemaReader(const Project& project, const QString& databaseUrl,
                           const QString& devUrl)
    : m_project(project), m_url(DatabaseUrl::parse(databaseUrl)), m_devUrl(devUrl)
{
    const ProjectConfig& config = project.config();
    m_options.excludedTables = {config.versionTable, MigrationHistory::tableName()};
    if (!config.versionTableSchema.isEmpty())
        m_options.schemaName = config.versionTableSchema;
    m_targetKnown = m_url.dialect() != Dialect::PostgreSql;
}

SchemaReader::SchemaReader(const Project& project, const QString& databaseUrl,
                           std::shared_ptr<DevDatabase> dev)
    : SchemaReader(project, databaseUrl, QString())
{
    m_dev = std::move(dev);
}

void SchemaReader::learnTarget(QSqlDatabase& db) const
{
    QMutexLocker lock(&m_targetMutex);
    if (m_targetKnown)
        return;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT current_schema(), version()")) || !query.next())
        throw Error(ErrorKind::Database, QStringLiteral("cannot read the current schema: ") +
                                             query.lastError().text());
    if (m_project.config().versionTableSchema.isEmpty()) {
        const QString name = query.value(0).toString();
        m_options.schemaName = name.isEmpty() ? QStringLiteral("public") : name;
    }
    m_serverVersion = query.value(1).toString();
    m_targetKnown = true;
}

void SchemaReader::learnTarget() const
{
    {
        QMutexLocker lock(&m_targetMutex);
        if (m_targetKnown)
            return;
    }
    DatabaseConnection connection(m_url, QStringLiteral("schema"));
    learnTarget(connection.db());
}

const SchemaReadOptions& SchemaReader::options() const
{
    learnTarget();
    return m_options;
}

SchemaReader::~SchemaReader()
{
    if (m_canceller.joinable())
        m_canceller.join();
}

DevDatabase& SchemaReader::devDatabase() const
{
    if (!m_dev || !m_devSetUp) {
        learnTarget();
        if (!m_dev)
            m_dev = std::make_shared<DevDatabase>(
                m_url, m_devUrl.isEmpty() ? m_project.config().devUrl() : m_devUrl);
        m_devSetUp = true;
        const std::shared_ptr<std::atomic_bool> cancelled = m_cancelled;
        m_dev->setCancelled([cancelled] { return cancelled->load(); });
        m_dev->setTargetVersion(m_serverVersion);
    }
    return *m_dev;
}

void SchemaReader::cancel() const
{
    m_cancelled->store(true);
    QMutexLocker lock(&m_runnerMutex);
    if (m_runner)
        m_runner->cancel();
    if (m_modelBackend != 0 && !m_canceller.joinable()) {
        const DatabaseUrl url = m_modelDatabase;
        const qint64 backend = m_modelBackend;
        m_canceller = std::thread([url, backend] {
            try {
                DatabaseConnection connection(url, QStringLiteral("cancel"));
                QSqlQuery query(connection.db());
                query.prepare(QStringLiteral("SELECT pg_cancel_backend(?)"));
                query.addBindValue(backend);
                query.exec();
            } catch (const Error&) {
                // the load ends by itself
            }
        });
    }
}

Schema SchemaReader::read(const SchemaSource& source) const
{
    switch (source.kind) {
    case SchemaSource::Kind::Model:
        return model();
    case SchemaSource::Kind::Database:
        return database();
    case SchemaSource::Kind::Revision:
        return scripts({source.revision});
    }
    return {};
}

std::pair<Schema, Schema> SchemaReader::readBoth(const SchemaSource& from,
                                                 const SchemaSource& to) const
{
    const bool fromLive = from.kind == SchemaSource::Kind::Database;
    const bool toLive = to.kind == SchemaSource::Kind::Database;
    // (An SQLite file that is not there is read as empty without a connection.)
    if (fromLive == toLive ||
        (m_url.dialect() == Dialect::Sqlite && !QFileInfo::exists(m_url.databaseName())))
        return {read(from), read(to)};
    // The live read needs nothing of this thread; the dev database's side stays here, and
    // starts as soon as the live side's connection has told the schema name and version.
    std::promise<void> known;
    std::future<void> targetKnown = known.get_future();
    std::future<Schema> live = std::async(std::launch::async, [this, &known] {
        try {
            DatabaseConnection connection(m_url, QStringLiteral("schema"));
            learnTarget(connection.db());
            known.set_value();
            return readLive(connection.db());
        } catch (...) {
            try {
                known.set_exception(std::current_exception());
            } catch (const std::future_error&) {
                // already told: the read itself failed, which get() reports
            }
            throw;
        }
    });
    targetKnown.get();
    Schema other = read(fromLive ? to : from);
    Schema database = live.get();
    return fromLive ? std::pair{std::move(database), std::move(other)}
                    : std::pair{std::move(other), std::move(database)};
}

Schema SchemaReader::model() const
{
    const QString& path = m_project.config().modelPath;
    if (path.isEmpty())
        throw Error(ErrorKind::Config, QStringLiteral("%1 names no model file (set model = "
                                                      "model.sql in its [retort] section)")
                                           .arg(m_project.config().configPath));
    const QString text = SchemaModel::readFile(path);
    const ModelCache cache;
    QByteArray key;
    if (cache.isEnabled()) {
        key = ModelCache::key(text, m_url.dialect(), devDatabase().modelServerVersion(),
                              options());
        if (std::optional<Schema> schema = cache.lookup(key))
            return *schema;
    }
    DevDatabase& dev = devDatabase();
    const Schema schema = SchemaModel::loadText(
        text, path, dev, options(), [this, &dev](qint64 backend) {
            QMutexLocker lock(&m_runnerMutex);
            m_modelBackend = backend;
            if (backend != 0)
                m_modelDatabase = dev.modelDatabase();
        });
    if (m_cancelled->load())
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
    if (cache.isEnabled())
        cache.store(key, schema);
    return schema;
}

Schema SchemaReader::database() const
{
    if (m_url.dialect() == Dialect::Sqlite && !m_url.isSqliteMemory() &&
        !QFileInfo::exists(m_url.databaseName()))
        return {}; // connecting would create the file
    DatabaseConnection connection(m_url, QStringLiteral("schema"));
    learnTarget(connection.db());
    return readLive(connection.db());
}

Schema SchemaReader::readLive(QSqlDatabase& db) const
{
    return readSchemaOf(db, dialectOf(db), m_options.schemaName, m_options);
}

Schema SchemaReader::scripts(const QStringList& revisions) const
{
    return scriptsOf(m_project, revisions);
}

Schema SchemaReader::scriptsOf(const Project& project, const QStringList& revisions) const
{
    DevDatabase& dev = devDatabase();
    ReplayGuard guard(dev);
    guard.check(project, revisions); // before anything runs
    const std::unique_ptr<ScratchDatabase> scratch = dev.replayDatabase();
    for (const QString& revision : revisions) {
        RunRequest request;
        request.project = project;
        request.databaseUrl = scratch->url().toString();
        request.target = revision;
        request.statementFilter = guard.filter();
        MigrationRunner runner;
        {
            QMutexLocker lock(&m_runnerMutex);
            if (m_cancelled->load())
                throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
            m_runner = &runner;
        }
        try {
            runner.run(request);
        } catch (const Error& error) {
            QMutexLocker lock(&m_runnerMutex);
            m_runner = nullptr;
            if (error.kind() != ErrorKind::Database ||
                dev.replayPlace() != DevDatabase::Place::LocalServer)
                throw;
            throw Error(error.kind(),
                        error.message() +
                            QCoreApplication::translate(
                                "retort", "\n(the scripts replayed on a throwaway local "
                                          "PostgreSQL server, as a user without special rights; "
                                          "name another place with dev_url or --dev-url)"));
        }
        QMutexLocker lock(&m_runnerMutex);
        m_runner = nullptr;
    }
    if (!guard.leftOut().isEmpty())
        m_notes.append(QCoreApplication::translate(
                           "retort", "the replay on a throwaway local server left out %n "
                                     "statement(s) on roles, databases, tablespaces or server "
                                     "settings, which change no compared schema: %1",
                           nullptr, int(guard.leftOut().size()))
                           .arg(guard.leftOut().join(QStringLiteral(", "))));
    if (scratch->url().dialect() == Dialect::Sqlite &&
        !QFileInfo::exists(scratch->url().databaseName()))
        return {}; // no revision: nothing was created
    DatabaseConnection connection(scratch->url(), QStringLiteral("scripts"));
    const QString schemaName = connection.dialect() == Dialect::PostgreSql
                                   ? currentSchema(connection.db())
                                   : QString();
    return readSchemaOf(connection.db(), connection.dialect(), schemaName, options());
}

QStringList SchemaReader::databaseRevisions() const
{
    const DatabaseStatus status = DatabaseStatus::read(m_project, m_url.toString());
    if (!status.unknown.isEmpty())
        throw Error(ErrorKind::Graph,
                    QStringLiteral("the database is at %1, which no script of this project "
                                   "defines: cannot tell what its schema should be")
                        .arg(status.unknown.join(QStringLiteral(", "))));
    return status.current;
}

} // namespace retort
