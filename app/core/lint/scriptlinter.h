// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/direction.h"
#include "graph/revisiongraph.h"
#include "lint/sqllint.h"

#include <QJsonObject>
#include <QVector>

namespace retort {

// One lint finding in one statement of one script.
struct LintFinding
{
    QString code;
    LintSeverity severity = LintSeverity::Warning;
    QString message;
    QString revision;
    Direction direction = Direction::Upgrade;
    QString path;
    int line = 0;
    QString statement;
    QVector<Dialect> dialects; // the dialects it was found for

    // "path:line: RT301 warning: message", with " [postgresql]" when not every linted
    // dialect has it (`allDialects`).
    QString toText(const QVector<Dialect>& allDialects) const;
    QJsonObject toJson() const;
};

struct LintOptions
{
    QVector<Dialect> dialects = {Dialect::Sqlite, Dialect::PostgreSql};
    bool downgrade = false; // lint downgrade sections too
};

// Lints the native scripts of a project in the context of their history: a table counts as
// existing for a revision unless its own script creates it; the columns and types known for
// it come from the scripts of the revisions below (its ancestors and dependencies, replayed
// in upgrade order; at a merge point a table counts if any branch has it). Each dialect is
// linted on its own (generic sections plus its own) and equal findings are merged.
//
// A statement is left out for the codes named by a "-- retort:lint-ignore RT301 RT302"
// comment on the comment lines right above it or on its first line.
class ScriptLinter
{
public:
    explicit ScriptLinter(const RevisionGraph& graph) : m_graph(graph) {}

    // The findings of `revisions` (every revision when empty), oldest revision first, then by
    // direction and line. Throws Error(Script) for a script that cannot be read or split.
    QVector<LintFinding> lint(const QVector<int>& revisions, const LintOptions& options = {});
    // The tables and columns the upgrade sections of `revisions` and everything below them
    // make on `dialect` (at a merge a table counts when any branch has it): what a database
    // at those revisions has, as far as the scripts tell. Empty for base.
    LintSchema schemaAt(const QVector<int>& revisions, Dialect dialect);
    // The revisions of the last lint() that were not linted: Alembic (Python) scripts.
    const QVector<int>& skipped() const { return m_skipped; }

    // The codes a lint-ignore comment names for the statement starting at `line` (1-based)
    // of a file's `lines`.
    static QStringList ignoredCodes(const QStringList& lines, int line);

private:
    struct Script;
    const Script& script(int revision);
    // Lints `wanted` of `order` (upgrade order); the schemas after the revisions `keep` go
    // into `kept`.
    QVector<LintFinding> lintDialect(const QVector<int>& order, const RevisionSet& wanted,
                                     Dialect dialect, bool downgrade,
                                     const QVector<int>& keep = {},
                                     QHash<int, LintSchema>* kept = nullptr);
    void lintSection(int revision, Direction direction, SqlLint& lint, Dialect dialect,
                     QVector<LintFinding>& findings);

    const RevisionGraph& m_graph;
    QHash<int, std::shared_ptr<const Script>> m_scripts;
    QVector<int> m_skipped;
};

} // namespace retort
