// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort {

// Creates a new, empty Retort project: DIR/retort.ini and DIR/versions/.
class ProjectInitializer
{
public:
    // Returns the path of the new retort.ini. Throws Error(Usage) when DIR exists and is not
    // empty (nothing is overwritten), Error(Config) when it cannot be written.
    static QString create(const QString& directory);
};

} // namespace retort
