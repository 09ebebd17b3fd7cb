// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "schema/schema.h"

#include <QStringList>

class QSqlDatabase;

namespace retort {

struct IntrospectionOptions
{
    // PostgreSQL: the schemas (namespaces) to read; empty: every schema but the system ones
    // (pg_catalog, information_schema, pg_toast, pg_temp_*). Ignored on SQLite, which reads
    // the main database.
    QStringList schemas;
    // Tables left out, matched case-sensitively by name in any schema: migration tools' own
    // bookkeeping. Add a project's configured version table to these.
    QStringList excludedTables = {QStringLiteral("alembic_version")};
};

// Reads the schema of an open connection from the database's catalog. Throws Error(Database)
// naming the failed query and the database's message; Error(Usage) for a dialect without an
// introspector (MySQL).
Schema introspect(QSqlDatabase& db, Dialect dialect, const IntrospectionOptions& options = {});

} // namespace retort
