// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"
#include "project/project.h"
#include "schema/schema.h"
#include "schema/schemareadoptions.h"
#include "schema/schemasource.h"

#include <QMutex>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
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
    // Connects to read the schema name (PostgreSQL, unless version_table_schema names it)
    // and the server's version. Throws Error(Config) for a bad URL or dev URL,
    // Error(Database) when the database cannot be read.
    SchemaReader(const Project& project, const QString& databaseUrl, const QString& devUrl = {});
    ~SchemaReader();
    SchemaReader(const SchemaReader&) = delete;
    SchemaReader& operator=(const SchemaReader&) = delete;

    const Project& project() const { return m_project; }
    const DatabaseUrl& url() const { return m_url; }
    const SchemaReadOptions& options() const { return m_options; }
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

    // Thread-safe: stops a local server's start-up and the running replay (Error(Cancelled)).
    void cancel();

private:
    const Project& m_project;
    DatabaseUrl m_url;
    QString m_devUrl;
    QString m_serverVersion; // PostgreSQL: SELECT version(), when read
    SchemaReadOptions m_options;
    mutable std::unique_ptr<DevDatabase> m_dev;
    mutable QStringList m_notes;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    mutable QMutex m_runnerMutex;
    mutable MigrationRunner* m_runner = nullptr; // the replay running, for cancel()
};

} // namespace retort
