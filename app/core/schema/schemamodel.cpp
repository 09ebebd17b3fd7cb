// SPDX-License-Identifier: Apache-2.0
#include "schema/schemamodel.h"

#include "common/error.h"
#include "database/databaseconnection.h"
#include "run/versiontable.h"
#include "schema/devdatabase.h"
#include "schema/modelscript.h"
#include "schema/schemaintrospector.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

namespace retort {

namespace {

[[noreturn]] void failAt(const QString& path, int line, const QString& message)
{
    throw Error(ErrorKind::Script, QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message));
}

// A statement cancelled on request (pg_cancel_backend: SQLSTATE 57014) ends the load.
void throwIfCancelled(const QSqlQuery& query)
{
    if (query.lastError().nativeErrorCode() == QLatin1String("57014"))
        throw Error(ErrorKind::Cancelled, QStringLiteral("cancelled"));
}

QString errorText(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    const QString text = error.databaseText().trimmed();
    return text.isEmpty() ? error.text() : text;
}

void exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw Error(ErrorKind::Database, QStringLiteral("%1: %2").arg(sql, errorText(query)));
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

// Runs statements one by one; a refused one fails with its file:line and the database's text.
void runEach(QSqlDatabase& db, const ModelScript& script, const QString& path)
{
    for (const SqlStatement& statement : script.statements) {
        QSqlQuery query(db);
        if (!query.exec(statement.text)) {
            throwIfCancelled(query);
            failAt(path, statement.line, errorText(query));
        }
    }
}

// ---- PostgreSQL -------------------------------------------------------------------------

bool schemaExists(QSqlDatabase& db, const QString& name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

Schema loadPostgres(const ModelScript& script, const QString& path, const DatabaseUrl& database,
                    const SchemaReadOptions& options, const SchemaModel::Running& running)
{
    DatabaseConnection connection(database, QStringLiteral("model"));
    connection.setNoticeHandler({});
    struct Told
    {
        const SchemaModel::Running& running;
        explicit Told(const SchemaModel::Running& r, qint64 pid) : running(r)
        {
            if (running)
                running(pid);
        }
        ~Told()
        {
            if (running)
                running(0);
        }
    } told(running, connection.backendPid());
    QSqlDatabase& db = connection.db();
    const auto begin = [&] {
        if (!db.transaction())
            throw Error(ErrorKind::Database, QStringLiteral("cannot begin a transaction on %1: %2")
                                                 .arg(database.masked(), db.lastError().text()));
        // Unqualified names go to the compared schema once the model makes it.
        if (options.schemaName != QLatin1String("public"))
            exec(db, QStringLiteral("SET LOCAL search_path TO %1, public")
                         .arg(quoteIdentifier(Dialect::PostgreSql, options.schemaName)));
    };
    begin();
    // Whatever happens, the model database is left empty.
    struct Rollback
    {
        QSqlDatabase& db;
        ~Rollback() { db.rollback(); }
    } rollback{db};
    // All statements in one round trip; a failure is found again statement by statement.
    QStringList texts;
    texts.reserve(script.statements.size());
    for (const SqlStatement& statement : script.statements)
        texts.append(statement.text);
    // QPSQL reports the error of a batch's first statement only: a probe after it tells
    // whether a later one failed (the transaction is then aborted).
    QSqlQuery batch(db);
    const bool ran = texts.isEmpty() || batch.exec(texts.join(QLatin1String(";\n")));
    batch.finish();
    QSqlQuery probe(db);
    if (!ran || !probe.exec(QStringLiteral("SELECT 1"))) {
        throwIfCancelled(batch);
        const QString batchError = errorText(ran ? probe : batch);
        probe.finish();
        db.rollback();
        begin();
        runEach(db, script, path);
        throw Error(ErrorKind::Script, QStringLiteral("%1: %2").arg(path, batchError));
    }
    probe.finish();
    const QString read =
        schemaExists(db, options.schemaName) ? options.schemaName : QStringLiteral("public");
    return readSchemaOf(db, Dialect::PostgreSql, read, options);
}

// ---- SQLite -----------------------------------------------------------------------------

// The authorizer of the model's in-memory database: nothing that opens other files, ends
// the connection's transactions, loads code or sets PRAGMAs beyond the connection's own
// checks. (ModelScript refuses these by their text first; this holds for anything it misses.)
int modelAuthorizer(void*, int action, const char* first, const char* second, const char*,
                    const char*)
{
    switch (action) {
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
        return SQLITE_DENY;
    case SQLITE_FUNCTION:
        return second && qstricmp(second, "load_extension") == 0 ? SQLITE_DENY : SQLITE_OK;
    case SQLITE_PRAGMA: {
        if (!second)
            return SQLITE_OK; // a read
        static const char* const harmless[] = {"foreign_keys", "defer_foreign_keys",
                                               "recursive_triggers", "legacy_alter_table",
                                               "ignore_check_constraints", "case_sensitive_like",
                                               "automatic_index", "encoding", "user_version",
                                               "application_id", "auto_vacuum", "cache_size",
                                               "busy_timeout", "synchronous", "trusted_schema",
                                               "cell_size_check", "table_info", "table_xinfo",
                                               "index_list", "index_info", "index_xinfo",
                                               "foreign_key_list"};
        for (const char* name : harmless) {
            if (first && qstricmp(first, name) == 0)
                return SQLITE_OK;
        }
        return SQLITE_DENY;
    }
    default:
        return SQLITE_OK;
    }
}

Schema loadSqlite(const ModelScript& script, const QString& path, const DatabaseUrl& database,
                  const SchemaReadOptions& options)
{
    DatabaseConnection connection(database, QStringLiteral("model"));
    auto* handle = static_cast<sqlite3*>(connection.sqliteHandle());
    if (handle) {
        sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0);
        sqlite3_set_authorizer(handle, modelAuthorizer, nullptr);
    }
    runEach(connection.db(), script, path);
    if (handle)
        sqlite3_set_authorizer(handle, nullptr, nullptr); // the reader's PRAGMAs
    return readSchemaOf(connection.db(), Dialect::Sqlite, {}, options);
}

} // namespace

Schema readSchemaOf(QSqlDatabase& db, Dialect dialect, const QString& schemaName,
                    const SchemaReadOptions& options)
{
    IntrospectionOptions introspection;
    introspection.excludedTables = options.excludedTables;
    if (dialect == Dialect::PostgreSql) {
        introspection.schemas = {schemaName};
        exec(db, QStringLiteral("SET search_path TO %1")
                     .arg(quoteIdentifier(Dialect::PostgreSql, schemaName)));
    }
    Schema schema = introspect(db, dialect, introspection);
    if (dialect == Dialect::PostgreSql && schemaName != options.schemaName)
        renameSchema(schema, schemaName, options.schemaName);
    return schema;
}

QString SchemaModel::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Config,
                    QStringLiteral("cannot read the model %1: %2").arg(path, file.errorString()));
    return QString::fromUtf8(file.readAll());
}

// The body of a "-- +word ..." comment line, or an empty view.
static QStringView markerBody(QStringView line)
{
    line = line.trimmed();
    if (!line.startsWith(QLatin1String("--")))
        return {};
    const QStringView body = line.mid(2).trimmed();
    return body.size() > 1 && body[0] == u'+' && body[1].isLetter() ? body : QStringView();
}

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

Schema SchemaModel::load(const QString& path, DevDatabase& dev, const SchemaReadOptions& options)
{
    return loadText(readFile(path), path, dev, options);
}

Schema SchemaModel::load(const QString& path, const DatabaseUrl& server,
                         const SchemaReadOptions& options)
{
    return loadText(readFile(path), path, server, options);
}

Schema SchemaModel::loadText(const QString& text, const QString& path, const DatabaseUrl& server,
                             const SchemaReadOptions& options)
{
    DevDatabase dev(server);
    return loadText(text, path, dev, options);
}

Schema SchemaModel::loadText(const QString& text, const QString& path, DevDatabase& dev,
                             const SchemaReadOptions& options, const Running& running)
{
    if (dev.dialect() == Dialect::MySql)
        throw Error(ErrorKind::Usage, QStringLiteral("models are not supported on %1 yet")
                                          .arg(dialectName(dev.dialect())));
    // Every statement is checked before the first one runs.
    const ModelScript script = ModelScript::parse(text, dev.dialect(), path);
    return loadInto(script, path, dev.modelDatabase(), options, running);
}

Schema SchemaModel::loadInto(const ModelScript& script, const QString& path,
                             const DatabaseUrl& database, const SchemaReadOptions& options,
                             const Running& running)
{
    switch (database.dialect()) {
    case Dialect::Sqlite:
        return loadSqlite(script, path, database, options);
    case Dialect::PostgreSql:
        return loadPostgres(script, path, database, options, running);
    case Dialect::MySql:
        break;
    }
    throw Error(ErrorKind::Usage, QStringLiteral("models are not supported on %1 yet")
                                      .arg(dialectName(database.dialect())));
}

} // namespace retort
