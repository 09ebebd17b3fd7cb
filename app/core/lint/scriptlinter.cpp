// SPDX-License-Identifier: Apache-2.0
#include "lint/scriptlinter.h"

#include "graph/migrationplanner.h"
#include "lint/lintrules.h"
#include "lint/sqllint.h"
#include "scripts/nativescript.h"
#include "scripts/scriptdirectory.h"
#include "scripts/statementsplitter.h"

#include <QRegularExpression>
#include <algorithm>

namespace retort {

struct ScriptLinter::Script
{
    std::optional<NativeScript> native; // none: an Alembic script
    QStringList lines;
    QStringList fileIgnored; // codes of "-- retort:lint-ignore-file" lines
};

namespace {

// Line and column (1-based) of text positions in a statement that starts at `line`:`column`
// of its file.
struct StatementPlace
{
    int line = 1;
    int column = 1;

    std::pair<int, int> at(const QString& text, int offset) const
    {
        int atLine = line;
        int lineStart = 0; // offset of the current line's start in text
        for (int i = 0; i < offset && i < text.size(); ++i) {
            if (text[i] == u'\n') {
                ++atLine;
                lineStart = i + 1;
            }
        }
        return {atLine, atLine == line ? column + offset : offset - lineStart + 1};
    }
};

// Where each statement of a section starts in its file. The splitter gives the line; the
// column is where the statement's first line stands in that file line, searched after the
// end of the statement before it when that ended on the same line.
class StatementPlacer
{
public:
    explicit StatementPlacer(const QStringList& lines) : m_lines(lines) {}

    StatementPlace place(const SqlStatement& statement)
    {
        StatementPlace place{statement.line, 1};
        const QString first = statement.text.section(u'\n', 0, 0);
        if (statement.line >= 1 && statement.line <= m_lines.size()) {
            const qsizetype from = statement.line == m_lastLine ? m_lastColumn : 0;
            const qsizetype at = m_lines[statement.line - 1].indexOf(first, from);
            if (at >= 0)
                place.column = int(at) + 1;
        }
        const auto [endLine, endColumn] = place.at(statement.text, int(statement.text.size()));
        m_lastLine = endLine;
        m_lastColumn = endColumn - 1;
        return place;
    }

private:
    const QStringList& m_lines;
    int m_lastLine = -1;
    qsizetype m_lastColumn = 0;
};

struct SectionSource
{
    const ScriptLinter::Script& script;
    QString revision;
    QString path;
    Direction direction;
};

// Lints one section's statements with `lint`, then the script-level rules.
void lintStatements(const SectionSource& source, const QVector<SqlStatement>& statements,
                    SqlLint& lint, Dialect dialect, const LintConfig& config,
                    QVector<LintFinding>& findings)
{
    StatementPlacer placer(source.script.lines);
    QVector<StatementPlace> places;
    places.reserve(statements.size());
    const auto report = [&](const SqlStatement& statement, const StatementPlace& place,
                            const LintIssue& issue) {
        if (source.script.fileIgnored.contains(issue.code) ||
            ScriptLinter::ignoredCodes(source.script.lines, statement.line).contains(issue.code))
            return;
        const LintRule* rule = LintRules::find(issue.code);
        if (!rule)
            return;
        LintFinding finding;
        finding.code = issue.code;
        finding.severity = config.severity(*rule);
        finding.message = issue.message;
        finding.revision = source.revision;
        finding.direction = source.direction;
        finding.path = source.path;
        const bool whole = issue.begin == 0 && issue.end == 0;
        std::tie(finding.line, finding.column) = place.at(statement.text, whole ? 0 : issue.begin);
        std::tie(finding.endLine, finding.endColumn) =
            place.at(statement.text, whole ? int(statement.text.size()) : issue.end);
        finding.statementLine = place.line;
        finding.statementColumn = place.column;
        std::tie(finding.statementEndLine, finding.statementEndColumn) =
            place.at(statement.text, int(statement.text.size()));
        finding.statement = statement.text;
        finding.dialects = {dialect};
        findings.append(std::move(finding));
    };
    for (const SqlStatement& statement : statements) {
        places.append(placer.place(statement));
        for (const LintIssue& issue : lint.check(statement.text))
            report(statement, places.last(), issue);
    }
    for (const LintIssue& issue : lint.finish()) {
        if (issue.statement >= 0 && issue.statement < statements.size())
            report(statements[issue.statement], places[issue.statement], issue);
    }
}

QStringList codesIn(const QString& text)
{
    static const QRegularExpression codePattern(QStringLiteral("\\bRT\\d{3}\\b"));
    QStringList codes;
    auto matches = codePattern.globalMatch(text);
    while (matches.hasNext())
        codes << matches.next().captured();
    return codes;
}

std::shared_ptr<ScriptLinter::Script> readScript(const QString& text, const QString& path)
{
    auto script = std::make_shared<ScriptLinter::Script>();
    script->native = NativeScript::parse(text, path);
    script->lines = text.split(u'\n');
    script->fileIgnored = ScriptLinter::fileIgnoredCodes(script->lines);
    return script;
}

// Equal findings of several dialects become one with every dialect; then sorted.
void mergeInto(QVector<LintFinding>& merged, QHash<QString, int>& indexByKey,
               QVector<LintFinding> findings)
{
    for (LintFinding& finding : findings) {
        const QString key = finding.path + u'\n' + QString::number(finding.line) + u':' +
                            QString::number(finding.column) + u'\n' + finding.code + u'\n' +
                            finding.message +
                            (finding.direction == Direction::Upgrade ? u'u' : u'd');
        if (const auto known = indexByKey.constFind(key); known != indexByKey.constEnd()) {
            merged[*known].dialects += finding.dialects;
        } else {
            indexByKey.insert(key, int(merged.size()));
            merged.append(std::move(finding));
        }
    }
}

bool byPlace(const LintFinding& a, const LintFinding& b)
{
    return std::make_tuple(a.direction, a.line, a.column) <
           std::make_tuple(b.direction, b.line, b.column);
}

} // namespace

LintOptions LintOptions::fromConfig(const LintConfig& config)
{
    LintOptions options;
    options.dialects = config.dialects;
    options.config = config;
    return options;
}

QStringList ScriptLinter::ignoredCodes(const QStringList& lines, int line)
{
    static const QRegularExpression directive(QStringLiteral("--\\s*retort:lint-ignore\\b(?!-)(.*)$"));
    QStringList codes;
    const auto collect = [&](const QString& text) {
        const QRegularExpressionMatch match = directive.match(text);
        if (match.hasMatch())
            codes += codesIn(match.captured(1));
    };
    if (line >= 1 && line <= lines.size())
        collect(lines[line - 1]);
    for (int i = line - 2; i >= 0 && i < lines.size(); --i) {
        const QString trimmed = lines[i].trimmed();
        if (!trimmed.startsWith(QLatin1String("--")))
            break;
        collect(trimmed);
    }
    return codes;
}

QStringList ScriptLinter::fileIgnoredCodes(const QStringList& lines)
{
    static const QRegularExpression directive(
        QStringLiteral("^\\s*--\\s*retort:lint-ignore-file\\b(.*)$"));
    QStringList codes;
    for (const QString& line : lines) {
        if (!line.contains(QLatin1String("lint-ignore-file")))
            continue;
        const QRegularExpressionMatch match = directive.match(line);
        if (match.hasMatch())
            codes += codesIn(match.captured(1));
    }
    return codes;
}

const ScriptLinter::Script& ScriptLinter::script(int revision)
{
    std::shared_ptr<const Script>& cached = m_scripts[revision];
    if (!cached) {
        const Revision& meta = m_graph.revision(revision);
        if (meta.format == ScriptFormat::Native)
            cached = readScript(ScriptDirectory::readText(meta.path), meta.path);
        else
            cached = std::make_shared<Script>();
    }
    return *cached;
}

QVector<LintFinding> ScriptLinter::lintDialect(const QVector<int>& order, const RevisionSet& wanted,
                                               Dialect dialect, const LintOptions& options)
{
    // The schema after each revision, dropped once every revision above it has read it (and
    // handed over to the last reader, so a straight line of revisions copies nothing).
    QHash<int, LintSchema> after;
    QHash<int, int> readersLeft;
    for (int revision : order) {
        for (int below : m_graph.parents(revision) + m_graph.dependencies(revision))
            ++readersLeft[below];
    }
    QVector<LintFinding> findings;
    QVector<LintFinding> ignoredFindings; // revisions only replayed for their effect
    for (int revision : order) {
        LintSchema before;
        for (int below : m_graph.parents(revision) + m_graph.dependencies(revision)) {
            if (--readersLeft[below] == 0)
                before.unite(after.take(below));
            else
                before.unite(after.value(below));
        }
        const Revision& meta = m_graph.revision(revision);
        const bool linted = wanted.contains(revision);
        const Script& source = script(revision);
        SqlLint upgrade(dialect, std::move(before), meta.transactional, options.config);
        if (source.native) {
            lintStatements({source, meta.id, meta.path, Direction::Upgrade},
                           source.native->statements(Direction::Upgrade, dialect), upgrade,
                           dialect, options.config, linted ? findings : ignoredFindings);
            ignoredFindings.clear();
            if (linted && options.downgrade) {
                SqlLint down(dialect, upgrade.schema(), meta.transactional, options.config);
                lintStatements({source, meta.id, meta.path, Direction::Downgrade},
                               source.native->statements(Direction::Downgrade, dialect), down,
                               dialect, options.config, findings);
            }
        }
        if (readersLeft.value(revision) > 0)
            after.insert(revision, upgrade.schema());
    }
    return findings;
}

QVector<LintFinding> ScriptLinter::lint(const QVector<int>& revisions, const LintOptions& options)
{
    QVector<int> targets = revisions;
    if (targets.isEmpty()) {
        for (int i = 0; i < m_graph.count(); ++i)
            targets.append(i);
    }
    RevisionSet wanted(m_graph.count());
    m_skipped.clear();
    for (int revision : targets) {
        if (wanted.insert(revision) && m_graph.revision(revision).format != ScriptFormat::Native)
            m_skipped.append(revision);
    }
    QVector<int> order;
    for (const MigrationStep& step : MigrationPlanner(m_graph).upgrade({}, targets))
        order.append(step.revision);

    QVector<LintFinding> merged;
    QHash<QString, int> indexByKey;
    for (Dialect dialect : options.dialects)
        mergeInto(merged, indexByKey, lintDialect(order, wanted, dialect, options));
    QHash<QString, int> position;
    for (int i = 0; i < order.size(); ++i)
        position.insert(m_graph.id(order[i]), i);
    std::stable_sort(merged.begin(), merged.end(), [&](const LintFinding& a, const LintFinding& b) {
        const int pa = position.value(a.revision);
        const int pb = position.value(b.revision);
        return pa != pb ? pa < pb : byPlace(a, b);
    });
    return merged;
}

QVector<LintFinding> ScriptLinter::lintScriptText(const QString& text, const QString& path,
                                                  const LintOptions& options,
                                                  const LintSchema& before)
{
    const std::shared_ptr<Script> source = readScript(text, path);
    const Revision& meta = source->native->revision();
    QVector<LintFinding> merged;
    QHash<QString, int> indexByKey;
    for (Dialect dialect : options.dialects) {
        QVector<LintFinding> findings;
        SqlLint upgrade(dialect, before, meta.transactional, options.config);
        lintStatements({*source, meta.id, path, Direction::Upgrade},
                       source->native->statements(Direction::Upgrade, dialect), upgrade, dialect,
                       options.config, findings);
        if (options.downgrade) {
            SqlLint down(dialect, upgrade.schema(), meta.transactional, options.config);
            lintStatements({*source, meta.id, path, Direction::Downgrade},
                           source->native->statements(Direction::Downgrade, dialect), down,
                           dialect, options.config, findings);
        }
        mergeInto(merged, indexByKey, std::move(findings));
    }
    std::stable_sort(merged.begin(), merged.end(), byPlace);
    return merged;
}

QVector<LintFinding> ScriptLinter::lintSql(const QString& sql, Dialect dialect,
                                           const LintConfig& config, const LintSchema& before,
                                           bool transactional)
{
    Script source;
    source.lines = sql.split(u'\n');
    source.fileIgnored = fileIgnoredCodes(source.lines);
    QVector<LintFinding> findings;
    SqlLint lint(dialect, before, transactional, config);
    lintStatements({source, QString(), QString(), Direction::Upgrade},
                   StatementSplitter::split(sql, dialect), lint, dialect, config, findings);
    std::stable_sort(findings.begin(), findings.end(), byPlace);
    return findings;
}

} // namespace retort
