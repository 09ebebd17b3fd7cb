// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"

#include <QStringList>
#include <QVector>

namespace retort::testsupport {

// The whole text of a test data file ("" when it cannot be read).
QString readTextFile(const QString& path);
// A fixture's lines: "#" starts a comment, white space is trimmed, empty lines are dropped.
QStringList fixtureLines(const QString& path);
// A graph fixture (graph.txt): one revision per line, "ID PARENTS [labels=A,B] [deps=C,D]",
// PARENTS "-" for a base or a comma list; in file order. Each revision's path is
// "versions/<ID>.sql".
QVector<Revision> readGraphFixture(const QString& graphFile);

} // namespace retort::testsupport
