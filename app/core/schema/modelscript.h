// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "scripts/statementsplitter.h"

#include <QString>
#include <QVector>

namespace retort {

// The statements of a model file (model.sql) for one dialect, as they run in the dev
// database, checked before any of them runs (docs/model.md, "Rules for the file"):
//   - lines of other dialects' "-- +dialect" sections are blanked (SchemaModel::textFor);
//   - pg_dump's "\restrict KEY" and "\unrestrict KEY" lines are blanked; any other psql
//     meta-command ("\connect") is an error;
//   - statements that reach beyond the dev database (StatementReach: transaction control,
//     ATTACH, roles, databases, tablespaces, ALTER SYSTEM, server files and programs...) and
//     statements that are not schema (INSERT, COPY, DO, CALL, a SELECT other than pg_dump's
//     set_config) are errors naming file:line;
//   - ownership and privileges are left out, since a compared schema holds neither:
//     ALTER ... OWNER TO, GRANT, REVOKE, SET ROLE, SET SESSION AUTHORIZATION.
// Line numbers stay those of the file.
struct ModelScript
{
    QVector<SqlStatement> statements; // to run, in order
    int leftOut = 0;                  // ownership and privilege statements not run

    // Throws Error(Script) "path:line: ..." for a bad marker, a psql meta-command, a refused
    // statement, or what the splitter refuses.
    static ModelScript parse(const QString& text, Dialect dialect, const QString& path);
};

} // namespace retort
