// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/lintrule.h"

#include <QVector>

namespace retort {

class LintContext;

// A family of rules that share a concern and one file in lint/rules/ (destructive changes,
// locks on PostgreSQL, MySQL table copies, ...): their catalogue entries and the functions
// that look for them. A family reports only its own codes, through the context.
struct LintRuleFamily
{
    QVector<LintRule> rules;
    // Called for each statement, before the statement changes the schema.
    void (*check)(LintContext& context) = nullptr;
    // Called once at the end of a script (rules about the script as a whole), or nullptr.
    void (*finish)(LintContext& context) = nullptr;
};

} // namespace retort
