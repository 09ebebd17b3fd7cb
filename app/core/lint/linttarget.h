// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort {

// The server versions the scripts will run on, for the rules that depend on them (a constant
// default rewrites a PostgreSQL table before 11; MySQL 8.0.29 adds and drops columns
// instantly; MariaDB 10.4 does). The defaults are current releases.
struct LintTarget
{
    int postgresMajor = 15;
    bool mariadb = false;
    // major * 10000 + minor * 100 + patch; a version given without its patch level means the
    // newest of that series ("8.0" is 8.0.99).
    int mysqlVersion = 80099;

    bool mysqlAtLeast(int major, int minor, int patch = 0) const
    {
        return mysqlVersion >= major * 10000 + minor * 100 + patch;
    }
    // "15", "9.6" (PostgreSQL's major before 10 was two numbers; 9.6 counts as 9). False
    // when the text is not a version.
    bool setPostgres(const QString& text);
    // "8.0", "8.0.28", "5.7", "mariadb-10.11", "10.11.6-MariaDB". False when it is not one.
    bool setMySql(const QString& text);
    QString mysqlText() const;
};

} // namespace retort
