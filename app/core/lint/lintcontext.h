// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/lintconfig.h"
#include "lint/lintissue.h"
#include "lint/lintschema.h"
#include "lint/lintsession.h"
#include "lint/statementmodel.h"

namespace retort {

// What a rule family sees of one statement: the statement, the dialect and target versions,
// the schema and session the statements before it left, and where to report.
class LintContext
{
public:
    LintContext(const LintStatement& statement, Dialect dialect, const LintConfig& config,
                const LintSchema& schema, LintSession& session, QVector<LintIssue>& issues)
        : m_statement(statement), m_dialect(dialect), m_config(config), m_schema(schema),
          m_session(session), m_issues(issues)
    {
    }

    const LintStatement& statement() const { return m_statement; }
    Dialect dialect() const { return m_dialect; }
    bool postgres() const { return m_dialect == Dialect::PostgreSql; }
    bool mysql() const { return m_dialect == Dialect::MySql; }
    bool sqlite() const { return m_dialect == Dialect::Sqlite; }
    const LintTarget& target() const { return m_config.target; }
    const LintSchema& schema() const { return m_schema; }
    // The session; a family may note in it what it needs at the end of the script.
    LintSession& session() { return m_session; }
    const LintSession& session() const { return m_session; }

    // A table this script did not create existed before it: from an earlier revision, or made
    // outside the scripts. Either way it may hold rows and be in use.
    bool isExisting(const QString& table) const
    {
        return !m_session.createdTables.contains(table);
    }
    // Whether `code` is on for this dialect: families skip work for rules that are off.
    bool wants(const char* code) const;
    bool wantsAny(std::initializer_list<const char*> codes) const
    {
        for (const char* code : codes) {
            if (wants(code))
                return true;
        }
        return false;
    }

    // Reports `code` about the statement, pointing at `where` (the whole statement when
    // empty). Ignored when the rule is off or not for this dialect.
    void report(const char* code, const QString& message, TextSpan where = {});
    // The same about an earlier statement of the script (for finish()).
    void reportAt(int statementIndex, const char* code, const QString& message);

private:
    const LintStatement& m_statement;
    Dialect m_dialect;
    const LintConfig& m_config;
    const LintSchema& m_schema;
    LintSession& m_session;
    QVector<LintIssue>& m_issues;
};

} // namespace retort
