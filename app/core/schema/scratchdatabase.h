// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"

#include <QTemporaryDir>
#include <memory>

namespace retort {

// An empty database of the same dialect as a given URL, for running scripts that must not
// touch the real one, dropped again by the destructor:
//   SQLite: a file in a temporary folder (an in-memory database would not outlive the
//     connection, and MigrationRunner opens its own);
//   PostgreSQL: CREATE DATABASE retort_scratch_<pid>_<n>_<random> on the same server with the
//     same credentials (the user needs CREATEDB), dropped WITH (FORCE). A database rather than
//     a schema, so that scripts that name `public` or set search_path stay inside it.
class ScratchDatabase
{
public:
    // Throws Error(Database) when the database cannot be made, naming the server (masked).
    explicit ScratchDatabase(const DatabaseUrl& like);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    // Where the scratch database is: hand url().toString() to a MigrationRunner.
    const DatabaseUrl& url() const { return m_url; }

private:
    DatabaseUrl m_server; // PostgreSQL: where CREATE and DROP DATABASE run
    DatabaseUrl m_url;
    std::unique_ptr<QTemporaryDir> m_folder; // SQLite
};

} // namespace retort
