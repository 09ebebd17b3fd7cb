// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort {

// Why a statement destroys data, in a few words ("drops a table", "drops a column",
// "empties a table", "deletes rows"), or an empty string when it does not. A quick check
// for confirmations; `retort lint` gives the full reasons.
QString destructiveReason(const QString& statement);
// The same, except for Retort's own row changes in the version table `versionTable` (a merge
// deletes a row there): bookkeeping, not data loss.
QString destructiveReason(const QString& statement, const QString& versionTable);

} // namespace retort
