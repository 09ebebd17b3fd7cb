// SPDX-License-Identifier: Apache-2.0
#include "schema/schemaintrospector.h"

#include "common/error.h"
#include "schema/postgresintrospector.h"
#include "schema/sqliteintrospector.h"

namespace retort {

Schema introspect(QSqlDatabase& db, Dialect dialect, const IntrospectionOptions& options)
{
    switch (dialect) {
    case Dialect::Sqlite:
        return SqliteIntrospector(db, options).read();
    case Dialect::PostgreSql:
        return PostgresIntrospector(db, options).read();
    case Dialect::MySql:
        break;
    }
    throw Error(ErrorKind::Usage, QStringLiteral("reading the schema of a %1 database is not "
                                                 "supported yet")
                                      .arg(dialectName(dialect)));
}

} // namespace retort
