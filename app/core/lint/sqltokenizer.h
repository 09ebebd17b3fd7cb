// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/sqltoken.h"

#include <QVector>

namespace retort {

// Reads one statement (as the splitter cut it) into tokens, dropping comments and white
// space, with the dialect's quoting: PostgreSQL's dollar quotes, E'' strings and nested block
// comments; MySQL's backquotes, double-quoted strings, backslash escapes, '#' comments and
// the code inside /*! ... */; SQLite's [brackets]. Anything left open runs to the end. Never
// throws; linear time.
class SqlTokenizer
{
public:
    static QVector<SqlToken> tokenize(const QString& sql, Dialect dialect);
};

} // namespace retort
