// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project/project.h"
#include "scripts/statementsplitter.h"

#include <QStringList>
#include <functional>

namespace retort {

class DevDatabase;

// What a replay of the project's scripts (check --drift, diff --from rev:X, autogenerate) may
// run, and where (docs/model.md, "What a model and a replay may do"):
//   - on a server the user uses (a configured dev_url), every upgrade statement of the scripts
//     the replay will run is read first, and one on cluster-wide objects (roles, databases,
//     tablespaces, ALTER SYSTEM) or reaching outside (server files, programs) is refused,
//     naming its file:line, before anything runs;
//   - on the throwaway local server, such statements are left out as they come (they change
//     no compared schema), and a role a script creates is made as a plain role so that later
//     grants and owners naming it work; the replay user is unprivileged there anyway.
// Like StatementReach, it reads statements' text: SQL built at run time is not seen.
class ReplayGuard
{
public:
    explicit ReplayGuard(DevDatabase& dev) : m_dev(dev) {}

    // Throws Error(Script) "path:line: ..." for the first refused statement of the scripts
    // up to `revisions` (names the resolver takes), when the replay runs on a user's server.
    void check(const Project& project, const QStringList& revisions) const;
    // The RunRequest::statementFilter for the replay.
    std::function<bool(const SqlStatement&, const QString&)> filter();
    // "path:line: ALTER ROLE" for each statement left out so far.
    const QStringList& leftOut() const { return m_leftOut; }

private:
    DevDatabase& m_dev;
    QStringList m_leftOut;
};

} // namespace retort
