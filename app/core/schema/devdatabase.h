// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"
#include "schema/scratchdatabase.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace retort {

class LocalPostgresServer;

// Where models load and scripts replay: never the database compared (the "target"), always a
// dev (shadow) database of the same dialect (docs/model.md, "The dev database"):
//
//                   models                              script replays
//   SQLite          in memory                           a file in a temporary folder
//   PostgreSQL,     a temporary database made on the    a throwaway local server (initdb,
//   no dev_url      target's server, dropped after      LocalPostgresServer); none installed:
//                   (its user needs CREATEDB)           an error naming dev_url
//   dev_url=local   the throwaway local server          the throwaway local server
//   dev_url=URL     temporary databases made on that server with that URL's user, dropped
//                   after; replays there refuse statements on roles, databases, tablespaces
//                   and server settings (ReplayGuard), since the server is one the user uses
//
// `dev_url` comes from retort.ini or --dev-url. A temporary database that cannot be made
// (no CREATEDB) is an Error(Database) that names dev_url and --dev-url.
//
// Threads: make, use and destroy a DevDatabase in one thread, which must outlive it (it may
// own a LocalPostgresServer). The URLs it hands out may be used from any thread.
class DevDatabase
{
public:
    enum class Place {
        Sqlite,       // SQLite: in memory (models), a temporary file (replays)
        TargetServer, // a temporary database on the target's server
        Configured,   // temporary databases on the dev_url's server
        LocalServer   // a throwaway local server
    };

    // `target`: the database compared (its dialect and server); `devUrl`: "" for the defaults,
    // "local", or a URL of the target's dialect. Throws Error(Config) for a bad dev URL.
    explicit DevDatabase(const DatabaseUrl& target, const QString& devUrl = {});
    ~DevDatabase();
    DevDatabase(const DevDatabase&) = delete;
    DevDatabase& operator=(const DevDatabase&) = delete;

    // Polled while a local server starts; true cancels (Error(Cancelled)).
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }
    // The target's SELECT version() when known: saves a connection, and picks the local
    // server's major version.
    void setTargetVersion(const QString& version) { m_targetVersion = version; }

    Dialect dialect() const { return m_target.dialect(); }
    Place modelPlace() const;
    Place replayPlace() const;
    // Whether replays run on a server the user uses (dev_url names one): ReplayGuard refuses
    // statements on cluster-wide objects before they run there.
    bool replaysOnUserServer() const { return replayPlace() == Place::Configured; }

    // An empty database for loading models ("sqlite://" on SQLite), made on first use and
    // kept until the destructor: models run in a transaction that is rolled back, so it stays
    // empty. Throws Error(Database) naming dev_url when it cannot be made.
    DatabaseUrl modelDatabase();
    // A new empty database for one replay, dropped when the result is destroyed. Throws
    // Error(Database) naming dev_url when there is nowhere to replay.
    std::unique_ptr<ScratchDatabase> replayDatabase();
    // What the server of models reports as its version, for ModelCache keys: "sqlite 3.40.1",
    // "PostgreSQL 15.18 ...". Connects (or starts the local server) when not known yet.
    QString modelServerVersion();

    // The throwaway local server only: makes `role` as a plain role (no login, no rights) the
    // replay user belongs to, for a script's CREATE ROLE that the replay leaves out, so that
    // grants and owners naming it still work. Does nothing elsewhere.
    void createPlainRole(const QString& role);
    // For messages: "a throwaway local PostgreSQL server", "postgresql://u:***@dev/db".
    QString describeReplayPlace() const;

private:
    LocalPostgresServer& localServer();
    QString noLocalServerMessage() const;
    void copyTargetRoles();
    void createPlainRoles(const QStringList& roles);

    DatabaseUrl m_target;
    bool m_local = false;                 // dev_url = local
    std::optional<DatabaseUrl> m_configured; // dev_url = URL
    std::function<bool()> m_cancelled;
    QString m_targetVersion;
    bool m_rolesCopied = false;
    QString m_modelVersion;
    std::unique_ptr<LocalPostgresServer> m_server;
    std::unique_ptr<ScratchDatabase> m_modelDatabase;
};

} // namespace retort
