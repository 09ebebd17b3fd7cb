// SPDX-License-Identifier: Apache-2.0
#include "lint/lintcontext.h"

#include "lint/lintrules.h"

namespace retort {

bool LintContext::wants(const char* code) const
{
    const LintRule* rule = LintRules::find(code);
    Q_ASSERT_X(rule, "LintContext", code);
    return rule && rule->appliesTo(m_dialect) && m_config.isEnabled(*rule);
}

void LintContext::report(const char* code, const QString& message, TextSpan where)
{
    if (!wants(code))
        return;
    m_issues.append({QString::fromLatin1(code), message, where.begin, where.end, -1});
}

void LintContext::reportAt(int statementIndex, const char* code, const QString& message)
{
    if (!wants(code))
        return;
    m_issues.append({QString::fromLatin1(code), message, 0, 0, statementIndex});
}

} // namespace retort
