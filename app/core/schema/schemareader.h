// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"
#include "project/project.h"
#include "schema/schema.h"
#include "schema/schemareadoptions.h"
#include "schema/schemasource.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <thread>
#include <utility>

namespace retort {

class DevDatabase;
class MigrationRunner;

// Reads the schemas of one project and database URL, each through the introspector, with the
// same options (see SchemaReadOptions; the PostgreSQL schema name is the project's
// version_table_schema, else the database's current_schema()). Models load and scripts
// replay in the dev database (DevDatabase: `devUrl`, else the project's dev_url, else the
// defaults), never in the database compared; a loaded model is remembered (ModelCache).
//
// This is the engine behind `retort diff`, `check`, `check --drift` (DriftCheck) and
// `revision --autogenerate`, and what a compare view runs on a worker thread:
//     SchemaReader reader(project, url);           // in the worker thread
//     auto [from, to] = reader.readBoth(SchemaSource::parse("db"), SchemaSource::parse("model"));
//     SchemaDiff diff = SchemaDiff::compare(from, to); // plain values: hand them to the GUI
//
// Threads: make, use and destroy a reader in one thread, and keep that thread alive while
// the reader lives: it opens its own connections there and may own a throwaway local server.
// Only cancel() may be called from another thread. Results are plain values.
class SchemaReader
{
public:
    // `devUrl`: where models load and scripts replay (DevDatabase); empty: the project's
    // dev_url. Connects to nothing yet: the schema name (PostgreSQL, unless version_table_schema names
    // it) and the server's version are read with the first read that needs them, on that
    // read's connection. Throws Error(Config) for a bad URL or dev URL. Reads throw
    // Error(Database) when the database cannot be read.
    SchemaReader(const Project& project, const QString& databaseUrl, const QString& devUrl = {});
    // The same with a dev database shared with other readers of the same database, so that
    // its model database and throwaway server outlive one reader (a compare view reading
    // again and again). It belongs to this thread too.
    SchemaReader(const Project& project, const QString& databaseUrl,
                 std::shared_ptr<DevDatabase> dev);
    ~SchemaReader();
    SchemaReader(const SchemaReader&) = delete;
    SchemaReader& operator=(const SchemaReader&) = delete;

    const Project& project() const { return m_project; }
    const DatabaseUrl& url() const { return m_url; }
    // Connects once to learn the schema name when no read has yet.
    const SchemaReadOptions& options() const;
    // Where models load and scripts replay, made on first use.
    DevDatabase& devDatabase() const;

    Schema read(const SchemaSource& source) const;
    // Both schemas; the live database's read runs on a thread of its own meanwhile, when only
    // one side is the database (the other loads in the dev database in this thread).
    std::pair<Schema, Schema> readBoth(const SchemaSource& from, const SchemaSource& to) const;
    // The model, from the cache when its text, dialect and server are unchanged. Throws
    // Error(Config) when the project names no model file, and what SchemaModel throws.
    Schema model() const;
    // The live database; an SQLite file that does not exist yet is an empty schema.
    Schema database() const;
    // An empty dev database upgraded with the project's scripts to each of `revisions` in turn
    // (none: base). Statements the replay may not run there: ReplayGuard.
    Schema scripts(const QStringList& revisions) const;
    // The same with another project's scripts (the same configuration, other files), e.g. the
    // scripts as they were applied (DriftCheck). Errors name that project's files.
    Schema scriptsOf(const Project& project, const QStringList& revisions) const;
    // The revisions the live database's version table records, for drift checks. Throws
    // Error(Graph) when one of them is not a revision of the project.
    QStringList databaseRevisions() const;
    // Notes about the last replays, for people: statements left out on the throwaway server.
    const QStringList& notes() const { return m_notes; }

    // Thread-safe, returns at once: stops a local server's start-up, the running replay and
    // the running model load (pg_cancel_backend from a connection of its own); the read then
    // throws Error(Cancelled).
    void cancel() const;

private:
    // The schema name and server version from an open connection to the database, once.
    void learnTarget(QSqlDatabase& db) const;
    // The same through a connection of its own, unless known.
    void learnTarget() const;
    Schema readLive(QSqlDatabase& db) const;

    const Project& m_project;
    DatabaseUrl m_url;
    QString m_devUrl; // as given; empty: the project's dev_url
    mutable QMutex m_targetMutex;
    mutable bool m_targetKnown = false;
    mutable QString m_serverVersion; // PostgreSQL: SELECT version(), when read
    mutable SchemaReadOptions m_options;
    mutable std::shared_ptr<DevDatabase> m_dev;
    mutable bool m_devSetUp = false; // this reader's cancel flag and target version given
    mutable QStringList m_notes;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    mutable QMutex m_runnerMutex;
    mutable MigrationRunner* m_runner = nullptr; // the replay running, for cancel()
    mutable DatabaseUrl m_modelDatabase;         // the model load running, for cancel()
    mutable qint64 m_modelBackend = 0;
    mutable std::thread m_canceller;             // pg_cancel_backend() on its way
};

} // namespace retort
