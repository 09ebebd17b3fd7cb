// SPDX-License-Identifier: Apache-2.0
#include "graph/revisionresolver.h"

#include "common/error.h"

#include <QRegularExpression>

namespace retort {

namespace {

Error graphError(const QString& message)
{
    return Error(ErrorKind::Graph, message);
}

QString idList(const RevisionGraph& graph, const QVector<int>& revisions)
{
    QStringList ids;
    for (int i : revisions)
        ids << graph.id(i);
    return ids.join(QStringLiteral(", "));
}

} // namespace

QVector<int> RevisionResolver::resolve(const QString& rawName,
                                       const std::optional<QVector<int>>& current) const
{
    const QString name = rawName.trimmed();
    if (name.isEmpty())
        throw graphError(QStringLiteral("empty revision name"));
    // [label@][rev](+|-)N, where rev may be head, base or any name without + - @.
    static const QRegularExpression relative(QStringLiteral("^(?:([^@]+)@)?([^@+\\-]*)([+-]\\d+)$"));
    const QRegularExpressionMatch match = relative.match(name);
    if (match.hasMatch()) {
        bool ok = false;
        const int steps = match.captured(3).toInt(&ok);
        if (!ok)
            throw graphError(QStringLiteral("'%1': the step count is too large").arg(name));
        return resolveRelative(match.captured(1), match.captured(2), steps, name, current);
    }
    return resolveAbsolute(name);
}

int RevisionResolver::resolveOne(const QString& name, const QString& what) const
{
    const QVector<int> found = resolve(name);
    if (found.size() == 1)
        return found.first();
    const QString subject = what.isEmpty() ? QStringLiteral("'%1'").arg(name) : what;
    if (found.isEmpty())
        throw graphError(QStringLiteral("%1 names base, not a revision").arg(subject));
    throw graphError(QStringLiteral("%1 names several revisions (%2); name one")
                         .arg(subject, idList(m_graph, found)));
}

QVector<int> RevisionResolver::resolveAbsolute(const QString& name) const
{
    if (name == QLatin1String("base"))
        return {};
    if (name == QLatin1String("heads"))
        return m_graph.realHeads();
    if (name == QLatin1String("head")) {
        const QVector<int>& heads = m_graph.heads();
        if (heads.size() > 1) {
            throw graphError(
                QStringLiteral("multiple heads are present (%1): name one, use 'label@head', "
                               "or 'heads' for all of them")
                    .arg(idList(m_graph, heads)));
        }
        return heads;
    }
    const int at = name.indexOf(u'@');
    if (at < 0)
        return {lookup(name)};

    const QString label = name.left(at);
    const QString rest = name.mid(at + 1);
    if (rest == QLatin1String("head"))
        return {headOfLabel(label, name)};
    if (rest == QLatin1String("heads"))
        return filterForLabel(m_graph.realHeads(), label);
    if (rest == QLatin1String("base")) {
        filterForLabel({}, label); // validates the label
        return {};
    }
    const int revision = lookup(rest);
    const int owner = lookup(label);
    if (!m_graph.sharesLineage(revision, owner)) {
        throw graphError(QStringLiteral("'%1': revision %2 is not on the line of %3")
                             .arg(name, m_graph.id(revision), label));
    }
    return {revision};
}

int RevisionResolver::lookup(const QString& name) const
{
    int found = m_graph.indexOf(name);
    if (found < 0)
        found = m_graph.labelOwner(name);
    if (found >= 0)
        return found;

    // A prefix of an id or label: keys shorter than 4 characters are never matched.
    QVector<int> matches;
    for (int i = 0; i < m_graph.count(); ++i) {
        if (m_graph.id(i).size() > 3 && m_graph.id(i).startsWith(name))
            matches.append(i);
    }
    for (const QString& label : m_graph.allBranchLabels()) {
        const int owner = m_graph.labelOwner(label);
        if (label.size() > 3 && label.startsWith(name) && !matches.contains(owner))
            matches.append(owner);
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty()) {
        QString hint;
        if (name.size() < 4)
            hint = QStringLiteral("; a partial id needs at least 4 characters");
        throw graphError(QStringLiteral("no revision or branch label named '%1'%2").arg(name, hint));
    }
    std::sort(matches.begin(), matches.end());
    throw graphError(QStringLiteral("several revisions start with '%1': %2")
                         .arg(name, idList(m_graph, matches)));
}

QVector<int> RevisionResolver::filterForLabel(const QVector<int>& revisions,
                                              const QString& label) const
{
    const int owner = lookup(label);
    const RevisionSet below = m_graph.ancestors({owner}, false);
    const RevisionSet above = m_graph.descendants({owner}, false);
    QVector<int> kept;
    for (int i : revisions) {
        if (below.contains(i) || above.contains(i))
            kept.append(i);
    }
    return kept;
}

int RevisionResolver::headOfLabel(const QString& label, const QString& name) const
{
    const QVector<int> heads = filterForLabel(m_graph.heads(), label);
    if (heads.size() != 1) {
        throw graphError(QStringLiteral("'%1' names several heads (%2): name one of them")
                             .arg(name, idList(m_graph, heads)));
    }
    return heads.first();
}

QVector<int> RevisionResolver::resolveRelative(const QString& label, const QString& from,
                                               int steps, const QString& name,
                                               const std::optional<QVector<int>>& current) const
{
    int start = -1; // -1: base
    if (from.isEmpty()) {
        if (!current) {
            throw graphError(QStringLiteral("'%1' counts from the database's current revision; "
                                            "this command has no database to ask")
                                 .arg(name));
        }
        const QVector<int> heads = label.isEmpty() ? *current : filterForLabel(*current, label);
        if (heads.size() > 1) {
            throw graphError(QStringLiteral("'%1' is ambiguous: the database is at several "
                                            "revisions (%2); write label@%3")
                                 .arg(name, idList(m_graph, heads), name));
        }
        start = heads.isEmpty() ? -1 : heads.first();
    } else if (from == QLatin1String("head")) {
        start = label.isEmpty() ? resolveOne(QStringLiteral("head"))
                                : headOfLabel(label, name);
    } else if (from != QLatin1String("base")) {
        start = label.isEmpty() ? lookup(from) : resolveAbsolute(label + u'@' + from).first();
    }
    const int end = walk(start, steps, label, name);
    return end < 0 ? QVector<int>{} : QVector<int>{end};
}

int RevisionResolver::walk(int start, int steps, const QString& label, const QString& name) const
{
    int at = start;
    bool atBase = start < 0;
    for (int taken = 0; taken < std::abs(steps); ++taken) {
        QVector<int> next;
        if (steps > 0) {
            next = atBase ? m_graph.bases() : m_graph.children(at);
            if (!label.isEmpty())
                next = filterForLabel(next, label);
        } else if (!atBase) {
            next = m_graph.parents(at);
            if (next.isEmpty()) { // one step down from a base reaches base itself
                atBase = true;
                at = -1;
                continue;
            }
        }
        if (next.isEmpty()) {
            throw graphError(QStringLiteral("relative revision '%1' didn't produce %2 migrations")
                                 .arg(name)
                                 .arg(std::abs(steps)));
        }
        if (next.size() > 1) {
            throw graphError(QStringLiteral("'%1' is ambiguous: %2 revisions %3 %4 (%5); "
                                            "name one of them, or a branch label as label@%6")
                                 .arg(name)
                                 .arg(next.size())
                                 .arg(steps > 0 ? QStringLiteral("follow") : QStringLiteral("precede"),
                                      atBase ? QStringLiteral("base") : m_graph.id(at),
                                      idList(m_graph, next), name));
        }
        at = next.first();
        atBase = false;
    }
    return atBase ? -1 : at;
}

} // namespace retort
