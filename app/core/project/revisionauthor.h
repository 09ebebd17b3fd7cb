// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "project/project.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace retort {

// What `retort revision` and `retort merge` are asked for.
struct NewRevision
{
    QString message;
    QStringList parents = {QStringLiteral("head")}; // names to resolve; "base" for a new base
    bool splice = false;          // allow a parent that is not a head (starts a branch)
    QStringList branchLabels;
    QStringList dependsOn;        // names to resolve
    QString revisionId;           // empty: a random 12-hex-digit id
    QString versionPath;          // empty: the first parent's folder or the only location
    QString upgradeSql;
    QString downgradeSql;
    QDateTime createDate = QDateTime::currentDateTime();
};

// Writes new native migration scripts into a project, checking them against its graph
// the way Alembic does (parents must be heads unless spliced, labels unique, ids new).
class RevisionAuthor
{
public:
    explicit RevisionAuthor(const Project& project) : m_project(project) {}

    // Writes the script and returns its path. Throws Error(Usage | Graph) without writing
    // anything when the request does not fit the graph.
    QString create(const NewRevision& request) const;
    // A merge of `revisions` (at least two; "heads" for all heads).
    QString merge(const QStringList& revisions, const QString& message,
                  const QStringList& branchLabels = {}, const QString& revisionId = {}) const;

    static QString randomRevisionId();
    // "Add users table!" -> "add_users_table", at most 40 characters.
    static QString slugOf(const QString& message);

private:
    QString write(const Revision& revision, const QString& folder, const NewRevision& request) const;
    QString folderFor(const QVector<int>& parents, const QString& requested) const;

    const Project& m_project;
};

} // namespace retort
