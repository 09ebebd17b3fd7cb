// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/direction.h"
#include "graph/revisiongraph.h"
#include "lint/lintconfig.h"
#include "lint/lintfinding.h"
#include "lint/lintschema.h"

#include <QVector>
#include <memory>

namespace retort {

struct SqlStatement;

struct LintOptions
{
    // The dialects to lint this time (LintConfig::dialects is what retort.ini says).
    QVector<Dialect> dialects = {Dialect::Sqlite, Dialect::PostgreSql};
    bool downgrade = false; // lint downgrade sections too
    LintConfig config;      // rules, severities, server versions

    // The options retort.ini's [lint] section gives: its dialects and rules.
    static LintOptions fromConfig(const LintConfig& config);
};

// Lints the native scripts of a project in the context of their history: a table counts as
// existing for a revision unless its own script creates it; the columns and types known for
// it come from the scripts of the revisions below (its ancestors and dependencies, replayed
// in upgrade order; at a merge point a table counts if any branch has it). Each dialect is
// linted on its own (generic sections plus its own) and equal findings are merged.
//
// Suppression: a statement is left out for the codes named by a
// "-- retort:lint-ignore RT301 RT302" comment on the comment lines right above it or on its
// first line; a whole file for the codes of a "-- retort:lint-ignore-file RT404" line
// anywhere in it; a rule everywhere by `disable` in retort.ini (LintConfig).
//
// For Studio: every finding has the rule's code and severity, a translated message, and the
// file line/column of the part it is about plus the span of its statement (LintFinding).
// lint() gives a project's revisions; lintScriptText() and lintSql() give text that is not
// (yet) a script of the project: a generated migration, the SQL of a plan.
class ScriptLinter
{
public:
    explicit ScriptLinter(const RevisionGraph& graph) : m_graph(graph) {}

    // The findings of `revisions` (every revision when empty), oldest revision first, then by
    // direction, line and column. Throws Error(Script) for a script that cannot be read or split.
    QVector<LintFinding> lint(const QVector<int>& revisions, const LintOptions& options = {});
    // The tables and columns the upgrade sections of `revisions` and everything below them
    // make on `dialect` (at a merge a table counts when any branch has it): what a database
    // at those revisions has, as far as the scripts tell. Empty for base.
    LintSchema schemaAt(const QVector<int>& revisions, Dialect dialect);
    // The revisions of the last lint() that were not linted: Alembic (Python) scripts.
    const QVector<int>& skipped() const { return m_skipped; }

    // The findings of a native script's text (header and sections) that is not in a graph,
    // starting from the schema `before`. Positions are in `text`; `path` only names it.
    // Throws Error(Script) when it cannot be parsed.
    static QVector<LintFinding> lintScriptText(const QString& text, const QString& path,
                                               const LintOptions& options = {},
                                               const LintSchema& before = {});
    // The findings of plain SQL (no header) run on `dialect` in one transaction (or not),
    // starting from `before`. Positions are in `sql`. Throws Error(Script) when it cannot be
    // split.
    static QVector<LintFinding> lintSql(const QString& sql, Dialect dialect,
                                        const LintConfig& config = {},
                                        const LintSchema& before = {}, bool transactional = true);

    // The codes a lint-ignore comment names for the statement starting at `line` (1-based)
    // of a file's `lines`.
    static QStringList ignoredCodes(const QStringList& lines, int line);
    // The codes the file's "-- retort:lint-ignore-file" lines name.
    static QStringList fileIgnoredCodes(const QStringList& lines);

    struct Script;

private:
    // Reads the scripts of `revisions` not read yet into m_scripts.
    void readScripts(const QVector<int>& revisions);
    // Lints `wanted` of `order` (upgrade order); the schemas after the revisions `keep` go
    // into `kept`.
    QVector<LintFinding> lintDialect(const QVector<int>& order, const RevisionSet& wanted,
                                     Dialect dialect, const LintOptions& options,
                                     const QVector<int>& keep = {},
                                     QHash<int, LintSchema>* kept = nullptr);

    const RevisionGraph& m_graph;
    QHash<int, std::shared_ptr<const Script>> m_scripts; // only read while dialects are linted
    QVector<int> m_skipped;
};

} // namespace retort
