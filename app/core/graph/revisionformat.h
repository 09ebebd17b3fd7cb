// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revisiongraph.h"

#include <QString>
#include <optional>

namespace retort {
class JsonWriter;
}

namespace retort {

// How revisions are described to people and programs. The CLI prints these; Studio shows
// the same words.
class RevisionFormat
{
public:
    // "<base> -> 1975ea83b712 (head) (labels), message", as Alembic's history prints.
    static QString oneLine(const RevisionGraph& graph, int index);
    // "1975ea83b712 (labels) (head) (branchpoint) (mergepoint)": the id and its markers.
    static QString idWithMarkers(const RevisionGraph& graph, int index);
    // A block of "Rev:", "Parent:", "Path:" ... lines and the message.
    static QString verbose(const RevisionGraph& graph, int index);
    // {branch_labels, children, create_date, depends_on, down_revisions, is_base,
    //  is_branch_point, [is_current,] is_head, is_merge_point, message, path, revision}, keys
    // in that (sorted) order; is_current only when `isCurrent` is given.
    static void writeJson(JsonWriter& json, const RevisionGraph& graph, int index,
                          std::optional<bool> isCurrent = std::nullopt);
};

} // namespace retort
