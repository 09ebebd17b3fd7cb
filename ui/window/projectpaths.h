// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QMimeData;

namespace retort::ui {

// Where a project's config file is, from what the user points at: a path (the file itself or
// the project folder) or a drag and drop.
class ProjectPaths
{
public:
    // Throws Error(Config) when `path` is no project.
    static QString configFileFor(const QString& path);
    // The config file of the first dropped folder (or .ini file) that is a project; "" when
    // none is.
    static QString dropped(const QMimeData* mime);
};

} // namespace retort::ui
