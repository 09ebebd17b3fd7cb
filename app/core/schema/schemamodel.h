// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"
#include "project/project.h"
#include "schema/schema.h"

#include <QString>
#include <QStringList>

namespace retort {

// What every compared schema is read with, so that both sides of a diff are alike.
struct SchemaReadOptions
{
    // Tables left out: the project's version table and retort_history.
    QStringList excludedTables;
    // PostgreSQL: the one schema (namespace) read, and the name every side reports its objects
    // under (the model's temporary schema and a scratch database's schema are renamed to it).
    // Ignored on SQLite.
    QString schemaName = QStringLiteral("public");
};

// A project's desired schema, written as SQL DDL in model.sql (retort.ini `model`, see
// docs/model.md), loaded by running it on a scratch database of the dialect and reading that
// back with the introspector used for live databases:
//   SQLite: an in-memory database of its own;
//   PostgreSQL: on the server of `server`, in a transaction that is rolled back, inside
//     CREATE SCHEMA retort_model_<random> with SET LOCAL search_path to it; only that schema
//     is read, then reported under options.schemaName.
// Lines between "-- +dialect <name>" and the next "-- +dialect ..." marker apply to that
// dialect only ("-- +dialect all" goes back to every dialect).
class SchemaModel
{
public:
    // Throws Error(Script) "path:line: message" for a bad marker or a statement the database
    // refuses (with its message), Error(Config) when the file cannot be read, Error(Database)
    // when the scratch database cannot be used.
    static Schema load(const QString& path, const DatabaseUrl& server,
                       const SchemaReadOptions& options);
    // The same for text already read; `path` names it in errors.
    static Schema loadText(const QString& text, const QString& path, const DatabaseUrl& server,
                           const SchemaReadOptions& options);
    // `text` with the lines of other dialects' sections and the markers blanked, so that line
    // numbers stay those of the file. Throws Error(Script) for an unknown marker or dialect.
    static QString textFor(const QString& text, Dialect dialect, const QString& path);
};

// Where a compared schema comes from: `retort diff --from/--to` take "model", "db" or
// "rev:<revision>" (any name the resolver takes, e.g. rev:head, rev:ae10).
struct SchemaSource
{
    enum class Kind { Model, Database, Revision };
    Kind kind = Kind::Model;
    QString revision;

    // Throws Error(Usage) naming the accepted forms.
    static SchemaSource parse(const QString& text);
    QString describe() const; // "the model", "the database", "the scripts at <rev>"
};

// Reads the schemas of one project and database URL, each through the introspector, with the
// same options (see SchemaReadOptions; the PostgreSQL schema name is the project's
// version_table_schema, else the database's current_schema()).
class SchemaReader
{
public:
    // Throws Error(Config) for a bad URL, Error(Database) when the database cannot be read.
    SchemaReader(const Project& project, const QString& databaseUrl);

    const SchemaReadOptions& options() const { return m_options; }

    Schema read(const SchemaSource& source) const;
    // Throws Error(Config) when the project names no model file.
    Schema model() const;
    // The live database; an SQLite file that does not exist yet is an empty schema.
    Schema database() const;
    // An empty database upgraded with the project's scripts to each of `revisions` in turn
    // (none: base), on a ScratchDatabase.
    Schema scripts(const QStringList& revisions) const;
    // The revisions the live database's version table records, for drift checks. Throws
    // Error(Graph) when one of them is not a revision of the project.
    QStringList databaseRevisions() const;

private:
    const Project& m_project;
    DatabaseUrl m_url;
    SchemaReadOptions m_options;
};

} // namespace retort
