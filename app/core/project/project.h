// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project/projectconfig.h"
#include "graph/revisiongraph.h"

#include <memory>

namespace retort {

// A migration project: its configuration and the graph of its scripts. What every command
// starts from. Cheap to move; the graph lives on the heap so references to it stay valid.
class Project
{
public:
    // Loads the config file (retort.ini or alembic.ini), reads every script and builds the
    // graph. Throws Error(Config | Script | Graph).
    static Project open(const QString& configPath);
    // The same for a config already read. `coresInUse`: cores the caller keeps busy meanwhile
    // (a database connection opening in another thread), left to it by the script reading.
    static Project load(ProjectConfig config, int coresInUse = 0);
    // A project of revisions already read, whose paths may point anywhere (the scripts as
    // they were applied, kept in a temporary folder). Throws Error(Graph) like load().
    static Project fromRevisions(ProjectConfig config, QVector<Revision> revisions);

    const ProjectConfig& config() const { return m_config; }
    const RevisionGraph& graph() const { return *m_graph; }

private:
    ProjectConfig m_config;
    std::shared_ptr<const RevisionGraph> m_graph = std::make_shared<const RevisionGraph>();
};

} // namespace retort
