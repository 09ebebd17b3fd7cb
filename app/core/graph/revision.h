// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace retort {

enum class ScriptFormat { Native, Alembic };

// The metadata of one migration script, as written in its file. The graph adds what is
// derived (children, propagated branch labels).
struct Revision
{
    QString id;
    QStringList downRevisions; // parents; more than one makes a merge point, none a base
    QStringList branchLabels;  // labels declared by this script
    QStringList dependsOn;     // ids, id prefixes or branch labels, as written
    QString message;
    QString createDate;        // as written; may be empty
    QString path;              // the file it came from
    ScriptFormat format = ScriptFormat::Native;
    bool transactional = true; // native scripts may opt out ("transactional: false")
};

// Whether text can serve as a revision id (also a branch label): not empty, no white space
// or control characters, none of "@-+:,/\\", not starting with '.' nor holding "..": an id
// becomes part of a file name, and is printed. Checked wherever ids come from (command line,
// script files, the metadata cache's version).
bool isValidRevisionId(const QString& id);
// The rules above, for error messages.
QString revisionIdRules();

} // namespace retort
