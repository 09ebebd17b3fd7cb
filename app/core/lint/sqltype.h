// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// A column type, as written in a script, reduced to what narrowing, rewrites and table copies
// depend on. Knows the spellings of PostgreSQL, MySQL/MariaDB and SQLite.
struct SqlType
{
    enum Family { Integer, Float, Numeric, Text, FixedChar, Timestamp, Date, Enum, Set, Other };
    Family family = Other;
    int size = -1;  // integer/float bytes; text length or numeric precision (-1: unbounded)
    int scale = -1; // numeric scale
    bool isUnsigned = false;
    bool array = false;
    QString text;       // as written, simplified
    QString base;       // the name without arguments: "varchar", "timestamp with time zone"
    QStringList values; // Enum, Set

    static SqlType parse(const QString& type);

    bool isTextual() const { return family == Text || family == FixedChar; }
    // The same type, spellings aside (int(11) and integer, bool and tinyint(1)).
    bool sameAs(const SqlType& other) const;
    // Whether a value of this type may not fit in `to` (or loses a part on the way).
    bool narrowsTo(const SqlType& to) const;
    // Whether a change to `to` can fail on values that do not convert (text to a number).
    bool mayFailConvertingTo(const SqlType& to) const;
    // Whether PostgreSQL changes this type to `to` without rewriting the table (the
    // binary-coercible changes it documents).
    bool postgresChangesInPlace(const SqlType& to) const;
    // Whether MySQL/MariaDB changes this type to `to` without copying the table: a longer
    // VARCHAR whose length prefix stays one byte or stays two (utf8mb4 assumed: 4 bytes a
    // character), ENUM/SET members appended at the end.
    bool mysqlChangesInPlace(const SqlType& to) const;

private:
    QString canonical() const;
};

} // namespace retort
