// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort {

// One problem found in one statement, as SqlLint reports it.
struct LintIssue
{
    QString code;
    QString message; // about this statement, naming its table and column
    // The part of the statement's text it is about, [begin, end); both 0: the whole statement.
    int begin = 0;
    int end = 0;
    // -1: the statement just checked; otherwise an earlier statement of the script (0-based,
    // in the order they were checked), for findings made at the end of a script.
    int statement = -1;
};

} // namespace retort
