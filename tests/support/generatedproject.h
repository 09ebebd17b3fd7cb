// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"

#include <QString>
#include <QVector>

namespace retort::testsupport {

// A generated history of `size` revisions: a line with a branch and its merge every 50
// revisions (the shape Alembic's published timings use). Ids are 12 hex digits.
QVector<Revision> generatedRevisions(int size);

// Writes the revisions as a Retort project (retort.ini + versions/*.sql) into `folder`,
// each upgrade creating and each downgrade dropping a small table. Returns the config path.
QString writeNativeProject(const QString& folder, const QVector<Revision>& revisions);
// The same as an Alembic project (alembic.ini + versions/*.py, as `alembic revision`
// writes them, with op.execute() bodies), runnable by Alembic: its env.py connects to the URL
// given with `-x url=URL` and runs the whole upgrade in one transaction.
QString writeAlembicProject(const QString& folder, const QVector<Revision>& revisions);

} // namespace retort::testsupport
