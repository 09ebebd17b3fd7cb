// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

namespace retort {

enum class LintSeverity { Info, Warning, Error };

// "info", "warning", "error".
QString lintSeverityName(LintSeverity severity);

// One lint rule. Codes are stable: a code is never reused for another rule (docs/lint.md).
struct LintRule
{
    const char* code; // "RT301"
    LintSeverity severity;
    const char* summary; // the one-line reason, as in docs/lint.md
    const char* effect;  // a few words for confirmations ("drops a table")
};

// One problem found in one statement.
struct LintIssue
{
    QString code;
    QString message; // about this statement, naming its table and column
};

// What the linter knows of a schema: tables and their columns' types (as written, lowercase),
// keyed by lowercase unqualified name. Built by reading statements, not from a database.
struct LintSchema
{
    QHash<QString, QHash<QString, QString>> tables;

    bool hasTable(const QString& name) const { return tables.contains(name); }
    // Tables of both: what exists after a merge point (a table counts when any branch has it).
    void unite(const LintSchema& other);
};

struct ParsedStatement; // sqllint.cpp

// Lints the statements of one script section by section, in order. A table counts as
// existing when it is in the schema the script starts from (created by earlier revisions)
// and not created again by this script; rules about existing tables skip new ones. A table
// rebuild (CREATE TABLE new; INSERT INTO new (cols) SELECT cols FROM old; DROP TABLE old)
// is reported as the columns of `old` it does not copy (RT102), not as a dropped table.
class SqlLint
{
public:
    // `transactional`: whether the script runs inside a transaction (PostgreSQL rejects
    // CONCURRENTLY there).
    SqlLint(Dialect dialect, LintSchema before, bool transactional = true);

    // The issues of one statement, judged in the state the statements before it left, then
    // its effect on the schema (tables created, dropped, renamed; columns added, dropped,
    // retyped). Never throws: what it cannot parse it leaves alone.
    QVector<LintIssue> check(const QString& statement);
    // The schema after every statement checked so far.
    const LintSchema& schema() const { return m_schema; }

    // Every rule, ordered by code.
    static const QVector<LintRule>& rules();
    // The rule with this code, or nullptr.
    static const LintRule* rule(const QString& code);

private:
    bool isExisting(const QString& table) const;
    void lintStatement(const ParsedStatement& statement, QVector<LintIssue>& issues) const;
    void lintAlterTable(const ParsedStatement& statement, QVector<LintIssue>& issues) const;
    void apply(const ParsedStatement& statement);

    Dialect m_dialect;
    bool m_transactional;
    LintSchema m_schema;
    QSet<QString> m_created; // tables this script created (or renamed from ones it created)
    // Existing tables whose rows this script copied into a table it created (SQLite's table
    // rebuild), with the columns copied: dropping one loses only the others.
    QHash<QString, QStringList> m_rebuildCopies;
    QHash<QString, QString> m_rebuildTargets; // old table -> the new table its rows went to
    QHash<QString, QString> m_rebuiltInto;    // new table -> the dropped old one it replaces
};

} // namespace retort
