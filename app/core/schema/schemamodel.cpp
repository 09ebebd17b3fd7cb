// SPDX-License-Identifier: Apache-2.0
#include "schema/schemamodel.h"

#include "database/databaseconnection.h"
#include "run/databasestatus.h"
#include "common/error.h"
#include "run/migrationhistory.h"
#include "run/migrationrunner.h"
#include "schema/scratchdatabase.h"
#include "schema/schemaintrospector.h"
#include "scripts/statementsplitter.h"
#include "run/versiontable.h"

#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace retort {

namespace {

[[noreturn]] void failAt(const QString& path, int line, const QString& message)
{
    throw Error(ErrorKind::Script, QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message));
}

void exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw Error(ErrorKind::Database,
                    QStringLiteral("%1: %2").arg(sql, query.lastError().text()));
}

// Runs model.sql's statements; a refused one fails with its file:line and the database's text.
void runModel(QSqlDatabase& db, const QString& text, Dialect dialect, const QString& path)
{
    const QString sql = SchemaModel::textFor(text, dialect, path);
    for (const SqlStatement& statement : StatementSplitter::split(sql, dialect, path)) {
        QSqlQuery query(db);
        if (!query.exec(statement.text))
            failAt(path, statement.line, query.lastError().text());
    }
}

// Gives the objects of schema `from` the name `to`, also where foreign keys point at them.
void renameSchema(Schema& schema, const QString& from, const QString& to)
{
    const auto rename = [&](QString& name) {
        if (name == from)
            name = to;
    };
    for (Table& table : schema.tables) {
        rename(table.schema);
        for (ForeignKey& key : table.foreignKeys)
            rename(key.referencedSchema);
    }
    for (View& view : schema.views)
        rename(view.schema);
    for (EnumType& type : schema.enums)
        rename(type.schema);
    for (Sequence& sequence : schema.sequences)
        rename(sequence.schema);
    schema.normalize();
}

// Reads one schema of an open connection (PostgreSQL) or the main database (SQLite) and
// reports it under options.schemaName.
Schema readOneSchema(QSqlDatabase& db, Dialect dialect, const QString& schemaName,
                     const SchemaReadOptions& options)
{
    IntrospectionOptions introspection;
    introspection.excludedTables = options.excludedTables;
    if (dialect == Dialect::PostgreSql)
        introspection.schemas = {schemaName};
    Schema schema = introspect(db, dialect, introspection);
    if (dialect == Dialect::PostgreSql && schemaName != options.schemaName)
        renameSchema(schema, schemaName, options.schemaName);
    return schema;
}

QString currentSchema(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT current_schema()")) || !query.next())
        throw Error(ErrorKind::Database, QStringLiteral("cannot read the current schema: ") +
                                             query.lastError().text());
    const QString name = query.value(0).toString();
    return name.isEmpty() ? QStringLiteral("public") : name;
}

Schema loadPostgresModel(const QString& text, const QString& path, const DatabaseUrl& server,
                         const SchemaReadOptions& options)
{
    DatabaseConnection connection(server, QStringLiteral("model"));
    QSqlDatabase& db = connection.db();
    const QString schemaName = QStringLiteral("retort_model_%1")
                                   .arg(QRandomGenerator::global()->generate(), 8, 16, QChar(u'0'));
    if (!db.transaction())
        throw Error(ErrorKind::Database, QStringLiteral("cannot begin a transaction on %1: %2")
                                             .arg(server.masked(), db.lastError().text()));
    // Whatever happens, nothing of the model stays behind.
    struct Rollback
    {
        QSqlDatabase& db;
        ~Rollback() { db.rollback(); }
    } rollback{db};
    exec(db, QStringLiteral("CREATE SCHEMA ") + schemaName);
    exec(db, QStringLiteral("SET LOCAL search_path TO ") + schemaName);
    runModel(db, text, Dialect::PostgreSql, path);
    return readOneSchema(db, Dialect::PostgreSql, schemaName, options);
}

Schema loadSqliteModel(const QString& text, const QString& path, const SchemaReadOptions& options)
{
    DatabaseConnection connection(DatabaseUrl::parse(QStringLiteral("sqlite://")),
                                  QStringLiteral("model"));
    runModel(connection.db(), text, Dialect::Sqlite, path);
    return readOneSchema(connection.db(), Dialect::Sqlite, {}, options);
}

// The body of a "-- +word ..." comment line, or an empty view.
QStringView markerBody(QStringView line)
{
    line = line.trimmed();
    if (!line.startsWith(QLatin1String("--")))
        return {};
    const QStringView body = line.mid(2).trimmed();
    return body.size() > 1 && body[0] == u'+' && body[1].isLetter() ? body : QStringView();
}

} // namespace

QString SchemaModel::textFor(const QString& text, Dialect dialect, const QString& path)
{
    QStringList lines = text.split(u'\n');
    bool selected = true;
    for (int i = 0; i < lines.size(); ++i) {
        const QStringView body = markerBody(lines.at(i));
        if (body.isEmpty()) {
            if (!selected)
                lines[i].clear();
            continue;
        }
        const QStringList words = body.toString().split(u' ', Qt::SkipEmptyParts);
        if (words.size() != 2 || words.at(0) != QLatin1String("+dialect"))
            failAt(path, i + 1, QStringLiteral("unknown marker '-- %1' (expected '-- +dialect "
                                               "sqlite', '-- +dialect postgresql' or "
                                               "'-- +dialect all')")
                                    .arg(body));
        const std::optional<Dialect> named = dialectFromName(words.at(1));
        if (!named && words.at(1) != QLatin1String("all"))
            failAt(path, i + 1, QStringLiteral("unknown dialect '%1' (expected sqlite, postgresql, "
                                               "mysql or all)")
                                    .arg(words.at(1)));
        selected = !named || *named == dialect;
        lines[i].clear();
    }
    return lines.join(u'\n');
}

Schema SchemaModel::load(const QString& path, const DatabaseUrl& server,
                         const SchemaReadOptions& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Config,
                    QStringLiteral("cannot read the model %1: %2").arg(path, file.errorString()));
    return loadText(QString::fromUtf8(file.readAll()), path, server, options);
}

Schema SchemaModel::loadText(const QString& text, const QString& path, const DatabaseUrl& server,
                             const SchemaReadOptions& options)
{
    switch (server.dialect()) {
    case Dialect::Sqlite:
        return loadSqliteModel(text, path, options);
    case Dialect::PostgreSql:
        return loadPostgresModel(text, path, server, options);
    case Dialect::MySql:
        break;
    }
    throw Error(ErrorKind::Usage, QStringLiteral("models are not supported on %1 yet")
                                      .arg(dialectName(server.dialect())));
}

SchemaSource SchemaSource::parse(const QString& text)
{
    if (text == QLatin1String("model"))
        return {Kind::Model, {}};
    if (text == QLatin1String("db"))
        return {Kind::Database, {}};
    if (text.startsWith(QLatin1String("rev:")) && text.size() > 4)
        return {Kind::Revision, text.mid(4)};
    throw Error(ErrorKind::Usage,
                QStringLiteral("unknown schema '%1' (expected model, db or rev:REVISION)").arg(text));
}

QString SchemaSource::describe() const
{
    switch (kind) {
    case Kind::Model:
        return QStringLiteral("the model");
    case Kind::Database:
        return QStringLiteral("the database");
    case Kind::Revision:
        return QStringLiteral("the scripts at ") + revision;
    }
    return {};
}

SchemaReader::SchemaReader(const Project& project, const QString& databaseUrl)
    : m_project(project), m_url(DatabaseUrl::parse(databaseUrl))
{
    const ProjectConfig& config = project.config();
    m_options.excludedTables = {config.versionTable, MigrationHistory::tableName()};
    if (m_url.dialect() != Dialect::PostgreSql)
        return;
    if (!config.versionTableSchema.isEmpty()) {
        m_options.schemaName = config.versionTableSchema;
    } else {
        DatabaseConnection connection(m_url, QStringLiteral("schema"));
        m_options.schemaName = currentSchema(connection.db());
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

Schema SchemaReader::model() const
{
    const QString& path = m_project.config().modelPath;
    if (path.isEmpty())
        throw Error(ErrorKind::Config, QStringLiteral("%1 names no model file (set model = "
                                                      "model.sql in its [retort] section)")
                                           .arg(m_project.config().configPath));
    return SchemaModel::load(path, m_url, m_options);
}

Schema SchemaReader::database() const
{
    if (m_url.dialect() == Dialect::Sqlite && !m_url.isSqliteMemory() &&
        !QFileInfo::exists(m_url.databaseName()))
        return {}; // connecting would create the file
    DatabaseConnection connection(m_url, QStringLiteral("schema"));
    return readOneSchema(connection.db(), connection.dialect(), m_options.schemaName, m_options);
}

Schema SchemaReader::scripts(const QStringList& revisions) const
{
    ScratchDatabase scratch(m_url);
    for (const QString& revision : revisions) {
        RunRequest request;
        request.config = m_project.config();
        request.databaseUrl = scratch.url().toString();
        request.target = revision;
        MigrationRunner().run(request);
    }
    if (scratch.url().dialect() == Dialect::Sqlite && !QFileInfo::exists(scratch.url().databaseName()))
        return {}; // no revision: nothing was created
    DatabaseConnection connection(scratch.url(), QStringLiteral("scripts"));
    const QString schemaName = connection.dialect() == Dialect::PostgreSql
                                   ? currentSchema(connection.db())
                                   : QString();
    return readOneSchema(connection.db(), connection.dialect(), schemaName, m_options);
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
