// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema/schema.h"
#include "lint/sqllint.h"

#include <QString>
#include <QStringList>

namespace retort {

// The "retort: destructive: ..." comments of generated DDL: the lint's destructive rules
// (RT1xx, docs/lint.md) run on the generated statements, in order, starting from the schema
// the script upgrades from, so a table the script creates is not "existing".
class DdlWarnings
{
public:
    DdlWarnings(Dialect dialect, const Schema& from);

    // The comments for the next statement; the lint then takes it as run.
    QStringList check(const QString& statement);
    // The lint takes the statement as run; its findings do not apply (a rebuild's own steps).
    void pass(const QString& statement) { m_lint.check(statement); }
    // The comments for an SQLite rebuild of `from` as `to`, which keeps only the columns both
    // have and converts those whose type changes: the findings of the ALTER TABLE statements
    // that would do the same.
    static QStringList rebuild(const Table& from, const Table& to);

    static QString comment(const LintIssue& issue);

private:
    static QStringList destructive(const QVector<LintIssue>& issues);

    SqlLint m_lint;
};

} // namespace retort
