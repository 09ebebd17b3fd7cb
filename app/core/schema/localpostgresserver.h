// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace retort {

// A throwaway PostgreSQL server on this machine, started for replaying scripts where they
// cannot touch any server the user has (docs/model.md, "The dev database"):
//   - a cluster in a private temporary folder (mode 0700): a copy of one initdb made once per
//     server version and kept in $XDG_CACHE_HOME/retort (initdb itself takes seconds), or a
//     fresh initdb when there is no cache (RETORT_NO_CACHE=1);
//   - `postgres` listening on 127.0.0.1 on a free port (scram-sha-256 passwords made up for
//     this server, never written anywhere) and on a socket inside the folder;
//   - as root it runs as the `postgres` system account (PostgreSQL refuses root), else as the
//     current user; in a session of its own, so Ctrl-C in a terminal does not reach it.
// Scripts replay as `retort_replay`, an ordinary role (not a superuser, no CREATEROLE), so a
// script cannot run programs or read files through the server (COPY ... PROGRAM). Retort's own
// set-up runs as the superuser over the private socket.
//
// Start-up is bounded (Options::timeoutMs) and cancellable (Options::cancelled, polled).
// The destructor stops the server (immediate shutdown) and removes the folder. Should this
// process die first, the kernel sends the server SIGQUIT (PR_SET_PDEATHSIG), and the next
// LocalPostgresServer removes folders whose owner process is gone.
//
// Threads: make and destroy it in one thread, and keep that thread alive meanwhile (the
// parent-death signal follows the thread that started the server). Its URLs may be used from
// any thread.
class LocalPostgresServer
{
public:
    struct Options
    {
        QString binDirectory;   // where initdb and postgres are (see findBinaries())
        int timeoutMs = 60000;  // for initdb and the start together
        std::function<bool()> cancelled; // polled while waiting; true: Error(Cancelled)
    };

    // The binary folder to use: $RETORT_PG_BIN when set, else /usr/lib/postgresql/<N>/bin
    // with initdb and postgres, preferring major version `preferredMajor` and otherwise the
    // newest. Empty when there is none.
    static QString findBinaries(int preferredMajor = 0);
    // "postgres (PostgreSQL) 15.18 (Debian ...)" from `postgres -V`; empty when it cannot run.
    static QString versionOf(const QString& binDirectory);

    // Throws Error(Database) naming what failed (with the server log's last lines),
    // Error(Cancelled) when cancelled.
    explicit LocalPostgresServer(const Options& options);
    ~LocalPostgresServer();
    LocalPostgresServer(const LocalPostgresServer&) = delete;
    LocalPostgresServer& operator=(const LocalPostgresServer&) = delete;

    int port() const { return m_port; }
    // The superuser on `database`, over the private socket.
    DatabaseUrl adminUrl(const QString& database = QStringLiteral("postgres")) const;
    // The ordinary role scripts replay as, over TCP on 127.0.0.1.
    DatabaseUrl replayUrl(const QString& database) const;
    static QString replayRole() { return QStringLiteral("retort_replay"); }
    // The server's version, as versionOf() gives it.
    const QString& version() const { return m_version; }

private:
    void prepareFolder();
    void makeCluster();
    void startServer();
    bool tryStart(int port); // false: the port was taken meanwhile
    void createReplayRole();
    void stop();
    // Runs a program as the server account; throws with its output when it fails.
    void runTool(const QString& program, const QStringList& arguments, const QString& what);
    void checkDeadline(const QString& what) const;
    QString logTail() const;

    Options m_options;
    qint64 m_deadline = 0; // msecs since epoch
    QString m_version;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_data;
    QString m_socket;
    int m_port = 0;
    QString m_replayPassword;
    std::unique_ptr<QProcess> m_postgres;
};

} // namespace retort
