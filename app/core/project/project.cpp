// SPDX-License-Identifier: Apache-2.0
#include "project/project.h"

#include "scripts/scriptdirectory.h"

namespace retort {

Project Project::open(const QString& configPath)
{
    return load(ProjectConfig::load(configPath));
}

Project Project::load(ProjectConfig config, int coresInUse)
{
    Project project;
    project.m_graph = std::make_shared<const RevisionGraph>(
        ScriptDirectory::readRevisions(config.scriptLocations(), coresInUse));
    project.m_config = std::move(config);
    return project;
}

Project Project::fromRevisions(ProjectConfig config, QVector<Revision> revisions)
{
    Project project;
    project.m_graph = std::make_shared<const RevisionGraph>(std::move(revisions));
    project.m_config = std::move(config);
    return project;
}

} // namespace retort
