// SPDX-License-Identifier: Apache-2.0
#include "lint/scriptlinter.h"

#include "graph/migrationplanner.h"
#include "scripts/nativescript.h"
#include "scripts/scriptdirectory.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace retort {

struct ScriptLinter::Script
{
    std::optional<NativeScript> native; // none: an Alembic script
    QStringList lines;
};

QString LintFinding::toText(const QVector<Dialect>& allDialects) const
{
    QString text = path + u':' + QString::number(line) + QStringLiteral(": ") + code + u' ' +
                   lintSeverityName(severity) + QStringLiteral(": ") + message;
    if (dialects.size() < allDialects.size()) {
        QStringList names;
        for (Dialect dialect : dialects)
            names << dialectName(dialect);
        text += QStringLiteral(" [") + names.join(QStringLiteral(", ")) + u']';
    }
    return text;
}

QJsonObject LintFinding::toJson() const
{
    QJsonArray dialectNames;
    for (Dialect dialect : dialects)
        dialectNames.append(dialectName(dialect));
    const LintRule* rule = SqlLint::rule(code);
    return {
        {QStringLiteral("code"), code},
        {QStringLiteral("severity"), lintSeverityName(severity)},
        {QStringLiteral("reason"), rule ? QString::fromLatin1(rule->summary) : QString()},
        {QStringLiteral("message"), message},
        {QStringLiteral("revision"), revision},
        {QStringLiteral("direction"),
         direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade")},
        {QStringLiteral("path"), path},
        {QStringLiteral("line"), line},
        {QStringLiteral("statement"), statement},
        {QStringLiteral("dialects"), dialectNames},
    };
}

QStringList ScriptLinter::ignoredCodes(const QStringList& lines, int line)
{
    static const QRegularExpression directive(QStringLiteral("--\\s*retort:lint-ignore\\b(.*)$"));
    static const QRegularExpression codePattern(QStringLiteral("\\bRT\\d{3}\\b"));
    QStringList codes;
    const auto collect = [&](const QString& text) {
        const QRegularExpressionMatch match = directive.match(text);
        if (!match.hasMatch())
            return;
        auto codeMatches = codePattern.globalMatch(match.captured(1));
        while (codeMatches.hasNext())
            codes << codeMatches.next().captured();
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

const ScriptLinter::Script& ScriptLinter::script(int revision)
{
    std::shared_ptr<const Script>& cached = m_scripts[revision];
    if (!cached) {
        auto script = std::make_shared<Script>();
        const Revision& meta = m_graph.revision(revision);
        if (meta.format == ScriptFormat::Native) {
            const QString text = ScriptDirectory::readText(meta.path);
            script->native = NativeScript::parse(text, meta.path);
            script->lines = text.split(u'\n');
        }
        cached = script;
    }
    return *cached;
}

void ScriptLinter::lintSection(int revision, Direction direction, SqlLint& lint, Dialect dialect,
                               QVector<LintFinding>& findings)
{
    const Script& source = script(revision);
    if (!source.native)
        return;
    const Revision& meta = m_graph.revision(revision);
    for (const SqlStatement& statement : source.native->statements(direction, dialect)) {
        const QVector<LintIssue> issues = lint.check(statement.text);
        if (issues.isEmpty())
            continue;
        const QStringList ignored = ignoredCodes(source.lines, statement.line);
        for (const LintIssue& issue : issues) {
            if (ignored.contains(issue.code))
                continue;
            const LintRule* rule = SqlLint::rule(issue.code);
            findings.append({issue.code,
                             rule->severity,
                             issue.message,
                             meta.id,
                             direction,
                             meta.path,
                             statement.line,
                             statement.text,
                             {dialect}});
        }
    }
}

QVector<LintFinding> ScriptLinter::lintDialect(const QVector<int>& order, const RevisionSet& wanted,
                                               Dialect dialect, bool downgrade,
                                               const QVector<int>& keep,
                                               QHash<int, LintSchema>* kept)
{
    // The schema after each revision, dropped once every revision above it has read it.
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
            before.unite(after.value(below));
            if (--readersLeft[below] == 0)
                after.remove(below);
        }
        const bool linted = wanted.contains(revision);
        SqlLint upgrade(dialect, std::move(before), m_graph.revision(revision).transactional);
        lintSection(revision, Direction::Upgrade, upgrade, dialect,
                    linted ? findings : ignoredFindings);
        ignoredFindings.clear();
        if (linted && downgrade) {
            SqlLint down(dialect, upgrade.schema(), m_graph.revision(revision).transactional);
            lintSection(revision, Direction::Downgrade, down, dialect, findings);
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
    QHash<int, LintSchema> kept;
    lintDialect(order, RevisionSet(m_graph.count()), dialect, false, revisions, &kept);
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
    QVector<int> order;
    for (const MigrationStep& step : MigrationPlanner(m_graph).upgrade({}, targets))
        order.append(step.revision);

    QVector<LintFinding> merged;
    QHash<QString, int> indexByKey;
    for (Dialect dialect : options.dialects) {
        for (LintFinding& finding : lintDialect(order, wanted, dialect, options.downgrade)) {
            const QString key = finding.path + u'\n' + QString::number(finding.line) + u'\n' +
                                finding.code + u'\n' + finding.message +
                                (finding.direction == Direction::Upgrade ? u'u' : u'd');
            if (const auto known = indexByKey.constFind(key); known != indexByKey.constEnd()) {
                merged[*known].dialects += finding.dialects;
            } else {
                indexByKey.insert(key, int(merged.size()));
                merged.append(std::move(finding));
            }
        }
    }
    QHash<QString, int> position;
    for (int i = 0; i < order.size(); ++i)
        position.insert(m_graph.id(order[i]), i);
    std::stable_sort(merged.begin(), merged.end(), [&](const LintFinding& a, const LintFinding& b) {
        return std::make_tuple(position.value(a.revision), a.direction, a.line) <
               std::make_tuple(position.value(b.revision), b.direction, b.line);
    });
    return merged;
}

} // namespace retort
