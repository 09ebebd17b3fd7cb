// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"

namespace retort {

// Reads the revision metadata of an Alembic versions/*.py file statically, without Python:
// the module-level variables revision, down_revision, branch_labels and depends_on (plain or
// annotated, either quote style, tuples and lists over several lines, None, ()), and the
// first paragraph of the module docstring as the message. Legacy files without a `revision`
// variable take their id from a "<hex>.py" file name.
class AlembicScript
{
public:
    // Throws Error(Script) "path:line: ..." for a file whose metadata cannot be read
    // statically (for example a value computed in code): never a guess.
    static Revision read(const QString& text, const QString& path);
};

} // namespace retort
