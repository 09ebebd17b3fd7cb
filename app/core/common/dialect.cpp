// SPDX-License-Identifier: Apache-2.0
#include "common/dialect.h"

namespace retort {

QString dialectName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite:
        return QStringLiteral("sqlite");
    case Dialect::PostgreSql:
        return QStringLiteral("postgresql");
    case Dialect::MySql:
        return QStringLiteral("mysql");
    }
    return {};
}

std::optional<Dialect> dialectFromName(const QString& name)
{
    if (name == QLatin1String("sqlite"))
        return Dialect::Sqlite;
    if (name == QLatin1String("postgresql"))
        return Dialect::PostgreSql;
    if (name == QLatin1String("mysql") || name == QLatin1String("mariadb"))
        return Dialect::MySql;
    return std::nullopt;
}

} // namespace retort
