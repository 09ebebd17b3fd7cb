// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revisiongraph.h"

#include <QJsonObject>
#include <QString>

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
    // {revision, down_revisions, branch_labels, depends_on, message, path, create_date,
    //  is_head, is_base, is_branch_point, is_merge_point, children}
    static QJsonObject toJson(const RevisionGraph& graph, int index);
};

} // namespace retort
