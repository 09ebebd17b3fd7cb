// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <optional>

namespace retort {

// The SQL dialects Retort speaks. Names match SQLAlchemy's dialect names.
enum class Dialect { Sqlite, PostgreSql, MySql };

QString dialectName(Dialect dialect);
// "sqlite", "postgresql", "mysql" (and "mariadb", an alias of mysql).
std::optional<Dialect> dialectFromName(const QString& name);

} // namespace retort
