// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"

#include <QString>

namespace retort {

enum class LintSeverity { Info, Warning, Error };

// "info", "warning", "error".
QString lintSeverityName(LintSeverity severity);
// The severity with that name, or false.
bool lintSeverityFromName(const QString& name, LintSeverity* severity);

// The dialects a rule applies to, as bits.
enum LintDialects : unsigned {
    LintSqlite = 1u << 0,
    LintPostgreSql = 1u << 1,
    LintMySql = 1u << 2,
    LintAllDialects = LintSqlite | LintPostgreSql | LintMySql,
};

inline unsigned lintDialectBit(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Sqlite:
        return LintSqlite;
    case Dialect::PostgreSql:
        return LintPostgreSql;
    case Dialect::MySql:
        return LintMySql;
    }
    return 0;
}

// One lint rule: what the catalogue (LintRules), docs/lint.md, `retort lint --list-rules` and
// SARIF's rule metadata say about it. Codes are stable: a code is never reused for another
// rule. The texts are source strings for QCoreApplication::translate("LintRules", ...).
struct LintRule
{
    const char* code;      // "RT301"
    const char* name;      // "create-index-locks-writes": a stable kebab-case name
    LintSeverity severity; // the default; retort.ini may change it
    unsigned dialects;     // LintDialects bits
    bool enabledByDefault; // false: an opt-in rule (enable it in retort.ini)
    const char* summary;   // the one-line reason, as in docs/lint.md
    const char* effect;    // a few words for confirmations ("drops a table")

    bool appliesTo(Dialect dialect) const { return (dialects & lintDialectBit(dialect)) != 0; }
    QString codeText() const { return QString::fromLatin1(code); }
    // The summary and effect, translated.
    QString title() const;
    QString effectText() const;
};

} // namespace retort
