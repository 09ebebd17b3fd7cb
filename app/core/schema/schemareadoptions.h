// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// What every compared schema is read with, so that both sides of a diff are alike.
struct SchemaReadOptions
{
    // Tables left out: the project's version table and retort_history.
    QStringList excludedTables;
    // PostgreSQL: the one schema (namespace) read, and the name every side reports its objects
    // under (a model or a scratch database read from another schema is renamed to it).
    // Ignored on SQLite.
    QString schemaName = QStringLiteral("public");
};

} // namespace retort
