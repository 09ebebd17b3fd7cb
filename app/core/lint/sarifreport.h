// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "lint/lintconfig.h"
#include "lint/lintfinding.h"

#include <QJsonObject>

namespace retort {

// Lint findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
// form code-review tools read to show findings on the lines of a pull request: one run of
// the tool "retort" with every rule of the catalogue (id, name, descriptions, default level,
// enabled or not), and one result per finding with its rule, level, message and region
// (the part of the statement, with the whole statement as context region). File URIs are
// relative to `baseDirectory` (uriBaseId SRCROOT, normally the repository root) when the file
// is inside it, absolute file: URIs otherwise.
class SarifReport
{
public:
    static QJsonObject build(const QVector<LintFinding>& findings, const LintConfig& config,
                             const QString& baseDirectory, const QString& toolVersion);
};

} // namespace retort
