// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"

#include <QTemporaryDir>
#include <memory>

namespace retort {

// An empty database for work that must not touch a real one (loading a model, replaying
// scripts), dropped again by the destructor. DevDatabase decides where they are made.
//   SQLite: a file in a temporary folder (an in-memory database would not outlive the
//     connection, and MigrationRunner opens its own);
//   PostgreSQL: CREATE DATABASE <prefix>_<pid>_<n>_<random> on a server, dropped WITH (FORCE).
//     A database rather than a schema, so that scripts that name `public` or set search_path
//     stay inside it.
class ScratchDatabase
{
public:
    // On the server of `server`, as its user (who needs CREATEDB on PostgreSQL). Throws
    // Error(Database) when the database cannot be made, naming the server (masked).
    explicit ScratchDatabase(const DatabaseUrl& server,
                             const QString& prefix = QStringLiteral("retort_scratch"));
    // PostgreSQL: made and dropped by `admin`, owned by the user of `user` and reached as
    // that user (the database name of `user` is replaced).
    ScratchDatabase(const DatabaseUrl& admin, const DatabaseUrl& user, const QString& prefix);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    // Where the scratch database is: hand url().toString() to a MigrationRunner.
    const DatabaseUrl& url() const { return m_url; }

    // `url` with its database name replaced.
    static DatabaseUrl withDatabase(const DatabaseUrl& url, const QString& name);

private:
    void create(const QString& prefix, const QString& owner);

    DatabaseUrl m_admin; // PostgreSQL: where CREATE and DROP DATABASE run
    DatabaseUrl m_url;
    std::unique_ptr<QTemporaryDir> m_folder; // SQLite
};

} // namespace retort
