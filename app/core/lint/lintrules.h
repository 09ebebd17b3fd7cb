// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/lintrule.h"
#include "lint/lintrulefamily.h"

#include <QStringList>
#include <QVector>

namespace retort {

// The catalogue: every rule of every family (lint/rules/*.cpp), ordered by code. To add a
// rule: add its entry and its check to the family it belongs to (or a new family file listed
// in rules/rulefamilies.h and lintrules.cpp), a section in docs/lint.md, and a golden folder
// tests/data/lint/rtNNN_<name>/ with a script that triggers it and its safe rewrite.
class LintRules
{
public:
    static const QVector<LintRule>& all();
    static const QVector<const LintRuleFamily*>& families();
    // The rule with this code ("RT301") or name ("create-index-locks-writes"), or nullptr.
    static const LintRule* find(const QString& codeOrName);
    // The same for a code literal ("RT301"), without allocating: what rules report with.
    static const LintRule* find(const char* code);
    // Its position in all().
    static int indexOf(const LintRule& rule) { return int(&rule - all().constData()); }
    // The rules a selection names: codes, names, families ("RT3xx") or "all", separated by
    // commas or white space. Unknown entries are returned in `unknown`.
    static QVector<const LintRule*> select(const QString& selection, QStringList* unknown);
};

} // namespace retort
