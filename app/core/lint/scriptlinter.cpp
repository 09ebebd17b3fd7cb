// SPDX-License-Identifier: Apache-2.0
#include "lint/scriptlinter.h"

#include "graph/migrationplanner.h"
#include "lint/lintrules.h"
#include "lint/sqllint.h"
#include "scripts/nativescript.h"
#include "scripts/scriptdirectory.h"
#include "scripts/statementsplitter.h"

#include <algorithm>
#include <optional>
#include <exception>
#include <functional>
#include <thread>

namespace retort {

struct ScriptLinter::Script
{
    std::optional<NativeScript> native; // none: an Alembic script
    QString text;            // split into lines only for the scripts that have findings
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
    // The file's lines and the statements' places are worked out at the first finding: most
    // scripts have none.
    QStringList lines;
    std::optional<StatementPlacer> placer;
    QVector<StatementPlace> places;
    const auto placeOf = [&](int index) -> const StatementPlace& {
        if (!placer) {
            lines = source.script.text.split(u'\n');
            placer.emplace(lines);
        }
        while (places.size() <= index)
            places.append(placer->place(statements[places.size()]));
        return places[index];
    };
    const auto report = [&](int index, const LintIssue& issue) {
        const SqlStatement& statement = statements[index];
        const StatementPlace& place = placeOf(index);
        if (source.script.fileIgnored.contains(issue.code) ||
            ScriptLinter::ignoredCodes(lines, statement.line).contains(issue.code))
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
    for (int i = 0; i < statements.size(); ++i) {
        for (const LintIssue& issue : lint.check(statements[i].text))
            report(i, issue);
    }
    for (const LintIssue& issue : lint.finish()) {
        if (issue.statement >= 0 && issue.statement < statements.size())
            report(issue.statement, issue);
    }
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// The codes ("RT" and three digits, as whole words) in `text`. Plain scanning, no regular
// expression: the dialects are linted on threads of their own.
QStringList codesIn(QStringView text)
{
    QStringList codes;
    for (qsizetype i = 0; i + 5 <= text.size(); ++i) {
        if (text[i] != u'R' || text[i + 1] != u'T' || (i > 0 && isWordChar(text[i - 1])))
            continue;
        const QStringView code = text.mid(i, 5);
        const bool digits = code[2].isDigit() && code[3].isDigit() && code[4].isDigit();
        if (digits && (i + 5 == text.size() || !isWordChar(text[i + 5])))
            codes << code.toString();
    }
    return codes;
}

// What follows "-- retort:<directive>" in a line (the directive a whole word), or nothing.
std::optional<QStringView> directiveIn(QStringView line, QLatin1String directive)
{
    for (qsizetype dash = line.indexOf(u"--"); dash >= 0; dash = line.indexOf(u"--", dash + 2)) {
        QStringView rest = line.mid(dash + 2).trimmed();
        if (!rest.startsWith(QLatin1String("retort:")))
            continue;
        rest = rest.mid(7);
        if (!rest.startsWith(directive))
            continue;
        rest = rest.mid(directive.size());
        if (rest.isEmpty() || (!isWordChar(rest.front()) && rest.front() != u'-'))
            return rest;
    }
    return std::nullopt;
}

std::shared_ptr<ScriptLinter::Script> readScript(const QString& text, const QString& path)
{
    auto script = std::make_shared<ScriptLinter::Script>();
    script->native = NativeScript::parse(text, path);
    script->text = text;
    if (text.contains(QLatin1String("lint-ignore-file")))
        script->fileIgnored = ScriptLinter::fileIgnoredCodes(text.split(u'\n'));
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

// Runs work(0) ... work(count - 1), each on a thread of its own when `parallel` (work(0) on
// this one), and rethrows the failure of the lowest index once all have finished.
void runEach(int count, bool parallel, const std::function<void(int)>& work)
{
    std::vector<std::exception_ptr> failures(size_t(qMax(0, count)));
    const auto guarded = [&](int index) {
        try {
            work(index);
        } catch (...) {
            failures[size_t(index)] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < count; ++i) {
        if (parallel)
            threads.emplace_back(guarded, i);
    }
    guarded(0);
    for (std::thread& thread : threads)
        thread.join();
    if (!parallel) {
        for (int i = 1; i < count && !failures[0]; ++i)
            guarded(i);
    }
    for (const std::exception_ptr& failure : failures) {
        if (failure)
            std::rethrow_exception(failure);
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
    QStringList codes;
    const auto collect = [&](const QString& text) {
        if (const std::optional<QStringView> rest = directiveIn(text, QLatin1String("lint-ignore")))
            codes += codesIn(*rest);
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
    QStringList codes;
    for (const QString& line : lines) {
        if (!line.contains(QLatin1String("lint-ignore-file")) ||
            !line.trimmed().startsWith(QLatin1String("--")))
            continue;
        if (const std::optional<QStringView> rest = directiveIn(line, QLatin1String("lint-ignore-file")))
            codes += codesIn(*rest);
    }
    return codes;
}

void ScriptLinter::readScripts(const QVector<int>& revisions)
{
    QVector<int> missing;
    for (int revision : revisions) {
        if (!m_scripts.contains(revision))
            missing.append(revision);
    }
    // Reading is mostly waiting for system calls: large projects read on several threads.
    const int count = int(missing.size());
    const int threads = count < 500 ? 1 : std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
    const int chunk = (count + threads - 1) / qMax(1, threads);
    QVector<std::shared_ptr<const Script>> read(count);
    runEach(threads, threads > 1, [&](int thread) {
        for (int i = thread * chunk; i < qMin(count, (thread + 1) * chunk); ++i) {
            const Revision& meta = m_graph.revision(missing[i]);
            read[i] = meta.format == ScriptFormat::Native
                          ? readScript(ScriptDirectory::readText(meta.path), meta.path)
                          : std::make_shared<Script>();
        }
    });
    for (int i = 0; i < count; ++i)
        m_scripts.insert(missing[i], read[i]);
}

QVector<LintFinding> ScriptLinter::lintDialect(const QVector<int>& order, const RevisionSet& wanted,
                                               Dialect dialect, const LintOptions& options,
                                               const QVector<int>& keep,
                                               QHash<int, LintSchema>* kept)
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
        const Script& source = *m_scripts.value(revision); // read by readScripts(), shared
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
        if (kept && keep.contains(revision))
            kept->insert(revision, upgrade.schema());
        if (readersLeft.value(revision) > 0)
            after.insert(revision, upgrade.schema());
    }
    return findings;
}

LintSchema ScriptLinter::schemaAt(const QVector<int>& revisions, Dialect dialect)
{
    QVector<int> order;
    for (const MigrationStep& step : MigrationPlanner(m_graph).upgrade({}, revisions))
        order.append(step.revision);
    readScripts(order);
    LintOptions options;
    options.dialects = {dialect};
    QHash<int, LintSchema> kept;
    lintDialect(order, RevisionSet(m_graph.count()), dialect, options, revisions, &kept);
    LintSchema schema;
    for (const LintSchema& at : std::as_const(kept))
        schema.unite(at);
    return schema;
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
    // Upgrade order up to the targets; for the whole project, up to the heads (the same
    // revisions, and the planner's walk stays linear in their number).
    QVector<int> order;
    for (const MigrationStep& step :
         MigrationPlanner(m_graph).upgrade({}, revisions.isEmpty() ? m_graph.heads() : targets))
        order.append(step.revision);

    // The scripts are read first; then each dialect is linted on a thread of its own (the
    // lint of one dialect only reads the scripts), and their findings merged in order.
    readScripts(order);
    const int dialects = int(options.dialects.size());
    QVector<QVector<LintFinding>> found(dialects);
    runEach(dialects, order.size() >= 500, [&](int i) {
        found[i] = lintDialect(order, wanted, options.dialects[i], options);
    });
    QVector<LintFinding> merged;
    QHash<QString, int> indexByKey;
    for (QVector<LintFinding>& findings : found)
        mergeInto(merged, indexByKey, std::move(findings));
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
    source.text = sql;
    source.fileIgnored = fileIgnoredCodes(sql.split(u'\n'));
    QVector<LintFinding> findings;
    SqlLint lint(dialect, before, transactional, config);
    lintStatements({source, QString(), QString(), Direction::Upgrade},
                   StatementSplitter::split(sql, dialect), lint, dialect, config, findings);
    std::stable_sort(findings.begin(), findings.end(), byPlace);
    return findings;
}

} // namespace retort
