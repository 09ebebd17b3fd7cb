// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/lintconfig.h"
#include "lint/lintissue.h"
#include "lint/lintrule.h"
#include "lint/lintschema.h"
#include "lint/lintsession.h"

#include <QString>
#include <QVector>

namespace retort {

struct LintStatement;

// Lints the statements of one script, in order: each statement is parsed once
// (StatementParser), every rule family (lint/rules/) looks at it in the state the statements
// before it left, then its effect is taken into the schema and the session. A table counts
// as existing when the script did not create it (it is in the schema the script starts
// from, or was made outside the scripts); rules about rows and locks skip new tables. A table
// rebuild (CREATE TABLE new; INSERT INTO new (cols) SELECT cols FROM old; DROP TABLE old)
// is reported as the columns of `old` it does not copy (RT102), not as a dropped table.
class SqlLint
{
public:
    // `transactional`: whether the script runs inside a transaction (PostgreSQL rejects
    // CONCURRENTLY there). `config`: which rules run, at which server versions.
    SqlLint(Dialect dialect, LintSchema before, bool transactional = true,
            LintConfig config = {});

    // The issues of one statement. Never throws: what it cannot parse it leaves alone.
    QVector<LintIssue> check(const QString& statement);
    // The issues of the script as a whole (a transaction left open, no lock_timeout before
    // the first locking statement), once every statement was checked. Their
    // LintIssue::statement names the statement they are about.
    QVector<LintIssue> finish();
    // The schema after every statement checked so far.
    const LintSchema& schema() const { return m_schema; }

    // The catalogue (LintRules), kept here for callers that knew it as SqlLint's.
    static const QVector<LintRule>& rules();
    static const LintRule* rule(const QString& code);

private:
    void apply(const LintStatement& statement);
    // A table renamed: one the script made stays its own, unless it is a rebuild's new table
    // taking the dropped old one's name.
    void renameCreated(const QString& from, const QString& to);

    Dialect m_dialect;
    LintConfig m_config;
    LintSchema m_schema;
    LintSession m_session;
};

} // namespace retort
