// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/migrationlock.h"
#include "project/projectconfig.h"

#include <QString>

namespace retort {

// Ending the database session that holds a migration lock for a runner that is gone: what
// `retort unlock` and Studio's "End Orphaned Lock..." do. Two steps, so that a person can
// confirm in between: inspect() says who holds the lock and whether ending it is safe;
// end() ends that same session (pg_terminate_backend) and waits until the lock is free.
// Never a live runner's: a holder whose process runs on this host is refused even with force.
class OrphanedLock
{
public:
    enum class Verdict {
        Free,          // nobody holds the lock
        Orphaned,      // a Retort runner of this host whose process no longer exists
        Alive,         // a Retort runner of this host that is still running: never ended
        Unverifiable,  // another host's runner or another program: ended only with force
        NotApplicable, // SQLite: the lock dies with its process, there is nothing to end
    };

    struct Finding
    {
        LockHolder holder;
        Verdict verdict = Verdict::Free;
        QString explanation; // one sentence for people: why it can or cannot be ended
    };

    // Who holds the lock of `config`'s version table on `databaseUrl` (the full URL). Reads
    // only. Throws Error(Config | Database).
    static Finding inspect(const ProjectConfig& config, const QString& databaseUrl);
    // Ends the session `confirmed` found, if it still holds the lock: an Orphaned one, or an
    // Unverifiable one when `force`. Waits up to `waitSeconds` for the lock to be free.
    // Throws Error(Lock) when it may not be ended or the lock changed hands since, and
    // Error(Database) when the server refuses.
    static void end(const ProjectConfig& config, const QString& databaseUrl,
                    const Finding& confirmed, bool force, int waitSeconds = 10);
};

} // namespace retort
