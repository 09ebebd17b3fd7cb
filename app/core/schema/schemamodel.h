// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"
#include "schema/schema.h"
#include "schema/schemareadoptions.h"

#include <QString>
#include <functional>

class QSqlDatabase;

namespace retort {

class DevDatabase;
struct ModelScript;

// A project's desired schema, written as SQL DDL in model.sql (retort.ini `model`, see
// docs/model.md), loaded by running it in a dev database (DevDatabase: never the database it
// is compared with) and reading that back with the introspector used for live databases:
//   SQLite: an in-memory database of its own, with ATTACH, transactions, load_extension() and
//     PRAGMAs that touch files refused by an authorizer as well as by ModelScript;
//   PostgreSQL: the dev database's empty model database, inside one transaction that is
//     always rolled back (so it stays empty for the next model): the statements go to the
//     server together; when one fails they run again one by one to name its file:line.
//     The schema read is options.schemaName when the model made it, else `public`,
//     reported under options.schemaName; pg_dump's schema-qualified names therefore load.
// Lines between "-- +dialect <name>" and the next "-- +dialect ..." marker apply to that
// dialect only ("-- +dialect all" goes back to every dialect).
//
// Threads: any thread; each call opens (and closes) its own connection. A DevDatabase
// belongs to the thread that made it.
class SchemaModel
{
public:
    // Told the server process of a PostgreSQL model load's connection once it is open, and 0
    // when the load ends, so that another thread may cancel the load (pg_cancel_backend).
    using Running = std::function<void(qint64 backendPid)>;

    // Throws Error(Script) "path:line: message" for a bad marker, a statement a model may not
    // hold (ModelScript) or one the database refuses (with its message), Error(Config) when
    // the file cannot be read, Error(Database) when the dev database cannot be used.
    static Schema load(const QString& path, DevDatabase& dev, const SchemaReadOptions& options);
    // The same for text already read; `path` names it in errors.
    static Schema loadText(const QString& text, const QString& path, DevDatabase& dev,
                           const SchemaReadOptions& options, const Running& running = {});
    // The same in a DevDatabase with the defaults for `server` (the database the model will
    // be compared with), made for this one load.
    static Schema load(const QString& path, const DatabaseUrl& server,
                       const SchemaReadOptions& options);
    static Schema loadText(const QString& text, const QString& path, const DatabaseUrl& server,
                           const SchemaReadOptions& options);
    // Runs checked statements in the empty database `database` (see above) and reads it.
    static Schema loadInto(const ModelScript& script, const QString& path,
                           const DatabaseUrl& database, const SchemaReadOptions& options,
                           const Running& running = {});

    // The model file's text. Throws Error(Config) naming the file when it cannot be read.
    static QString readFile(const QString& path);
    // `text` with the lines of other dialects' sections and the markers blanked, so that line
    // numbers stay those of the file. Throws Error(Script) for an unknown marker or dialect.
    static QString textFor(const QString& text, Dialect dialect, const QString& path);
};

// Reads one schema (PostgreSQL) or the main database (SQLite) of an open connection and
// reports it under options.schemaName. PostgreSQL reads run with search_path set to that one
// schema, so that every side prints types and names from other schemas alike.
Schema readSchemaOf(QSqlDatabase& db, Dialect dialect, const QString& schemaName,
                    const SchemaReadOptions& options);

} // namespace retort

// SchemaSource and SchemaReader lived here before; code that includes this header for them
// keeps working.
#include "schema/schemareader.h"
