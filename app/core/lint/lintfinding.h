// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "common/direction.h"
#include "lint/lintrule.h"

#include <QJsonObject>
#include <QVector>

namespace retort {

// One lint finding in one statement of one script: what `retort lint` prints, SARIF reports
// and Studio marks in its script views. Lines and columns are 1-based; columns count UTF-16
// code units (QString indexes) of the file's line; end columns point just past the end.
struct LintFinding
{
    QString code; // "RT301"; LintRules::find(code) gives the rule
    LintSeverity severity = LintSeverity::Warning; // after retort.ini's changes
    QString message;                               // about this statement, translated
    QString revision;                              // empty for SQL that is no revision
    Direction direction = Direction::Upgrade;
    QString path; // the script file (absolute), or what the caller named the text
    // The part of the statement the finding is about (a clause, a column, a name), or the
    // statement's start when it is about the whole statement.
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;
    // The whole statement.
    int statementLine = 0;
    int statementColumn = 0;
    int statementEndLine = 0;
    int statementEndColumn = 0;
    QString statement;         // its text
    QVector<Dialect> dialects; // the dialects it was found for

    // "path:line: RT301 warning: message", with " [postgresql]" when not every linted
    // dialect has it (`allDialects`).
    QString toText(const QVector<Dialect>& allDialects) const;
    QJsonObject toJson() const;
};

} // namespace retort
