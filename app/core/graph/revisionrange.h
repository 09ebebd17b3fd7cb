// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revisiongraph.h"

#include <QString>
#include <QVector>
#include <optional>

namespace retort {

// The revisions of `history -r START:END` in history order (newest first): those at or
// above START up to and including END, as Alembic's walk_revisions gives. Either side may
// be empty (START: base, END: heads) and takes any name RevisionResolver accepts.
// Throws Error(Usage) for a malformed range and Error(Graph) when START is not below END.
QVector<int> revisionRange(const RevisionGraph& graph, const QString& range,
                           const std::optional<QVector<int>>& current = std::nullopt);

} // namespace retort
