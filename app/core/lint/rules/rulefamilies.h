// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/lintrulefamily.h"

// The rule families, one file each in lint/rules/. LintRules (lintrules.cpp) lists them.
namespace retort::lintrules {

const LintRuleFamily& destructive();   // RT1xx: statements that destroy data
const LintRuleFamily& dataDependent(); // RT2xx: statements that fail depending on the rows
const LintRuleFamily& postgresLocks(); // RT3xx: PostgreSQL locks and table rewrites
const LintRuleFamily& transactions();  // RT4xx: transactions and timeouts
const LintRuleFamily& compatibility(); // RT5xx: changes that break running clients
const LintRuleFamily& style();         // RT6xx: opt-in style rules
const LintRuleFamily& mysql();         // RT7xx: MySQL/MariaDB table copies and rebuilds
const LintRuleFamily& sqlite();        // RT8xx: what SQLite's ALTER TABLE refuses

} // namespace retort::lintrules
