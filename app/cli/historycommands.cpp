// SPDX-License-Identifier: Apache-2.0
// history, heads, branches, show: reading the revision graph.
#include "command.h"

#include "run/databasestatus.h"
#include "common/error.h"
#include "graph/revisionformat.h"
#include "graph/revisionrange.h"
#include "graph/revisionresolver.h"

#include "common/jsonwriter.h"

#include <algorithm>
#include <optional>

namespace retort::cli {

namespace {

const QString kJson = QStringLiteral("json");
const QString kVerbose = QStringLiteral("verbose");

void addListingOptions(QCommandLineParser& parser)
{
    parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
    parser.addOption({{QStringLiteral("v"), kVerbose}, QStringLiteral("Show every detail.")});
}

// " (current)" among a revision's markers where Alembic puts it: after (head), before
// (branchpoint) and (mergepoint).
QString withCurrentMarker(const RevisionGraph& graph, int index, const QString& text,
                          const QString& before)
{
    const QString markers = RevisionFormat::idWithMarkers(graph, index);
    QString marked = markers;
    qsizetype at = marked.size();
    for (const QLatin1String tag :
         {QLatin1String(" (branchpoint)"), QLatin1String(" (mergepoint)")}) {
        const qsizetype found = marked.indexOf(tag);
        if (found >= 0)
            at = std::min(at, found);
    }
    marked.insert(at, QStringLiteral(" (current)"));
    QString result = text;
    const qsizetype found = result.indexOf(before + markers);
    if (found >= 0)
        result.replace(found + before.size(), markers.size(), marked);
    return result;
}

// Prints revisions as text (one line each, or verbose blocks) or as a JSON array; with
// `current`, the database's current revisions are marked.
void printRevisions(CliContext& context, const QVector<int>& revisions,
                    const std::optional<QVector<int>>& current = std::nullopt)
{
    const RevisionGraph& graph = context.project().graph();
    const auto isCurrent = [&current](int i) { return current && current->contains(i); };
    if (context.json()) {
        JsonWriter json(context.jsonSink());
        json.beginArray();
        for (int i : revisions) {
            RevisionFormat::writeJson(json, graph, i,
                                      current ? std::optional<bool>(isCurrent(i)) : std::nullopt);
        }
        json.endArray();
        return;
    }
    const bool verbose = context.parser.isSet(kVerbose);
    for (int i : revisions) {
        QString text =
            verbose ? RevisionFormat::verbose(graph, i) : RevisionFormat::oneLine(graph, i);
        if (isCurrent(i)) {
            text = withCurrentMarker(graph, i, text,
                                     verbose ? QStringLiteral("Rev: ") : QStringLiteral(" -> "));
        }
        context.out << text << '\n';
    }
}

// The names a side of a range stands for: "current" is each current revision (base when
// there is none), any other name itself.
QStringList expandCurrent(const RevisionGraph& graph, const QString& side,
                          const QVector<int>& current)
{
    if (side.trimmed() != QLatin1String("current"))
        return {side};
    QStringList names;
    for (int i : current)
        names.append(graph.id(i));
    return names.isEmpty() ? QStringList{QStringLiteral("base")} : names;
}

// revisionRange with the database's current revisions: for relative names, and "current"
// as either side (several current revisions: the union of their ranges).
QVector<int> rangeWithCurrent(const RevisionGraph& graph, const QString& range,
                              const QVector<int>& current)
{
    const qsizetype colon = range.indexOf(u':');
    if (colon < 0 || range.indexOf(u':', colon + 1) >= 0)
        return revisionRange(graph, range, current); // reports the malformed range
    const QStringList starts = expandCurrent(graph, range.left(colon), current);
    const QStringList ends = expandCurrent(graph, range.mid(colon + 1), current);
    if (starts.size() == 1 && ends.size() == 1)
        return revisionRange(graph, starts.first() + u':' + ends.first(), current);
    RevisionSet members(graph.count());
    for (const QString& start : starts) {
        for (const QString& end : ends) {
            for (int i : revisionRange(graph, start + u':' + end, current))
                members.insert(i);
        }
    }
    QVector<int> ordered;
    for (int i : graph.history()) {
        if (members.contains(i))
            ordered.append(i);
    }
    return ordered;
}

int history(CliContext& context)
{
    const RevisionGraph& graph = context.project().graph();
    const QString range = context.parser.value(QStringLiteral("rev-range"));
    if (!context.parser.isSet(QStringLiteral("indicate-current"))) {
        printRevisions(context, revisionRange(graph, range));
        return 0;
    }
    const DatabaseStatus status = DatabaseStatus::read(context.project(), context.databaseUrl());
    const QVector<int> current = status.currentRevisions(graph);
    printRevisions(context, range.isEmpty() ? revisionRange(graph, range, current)
                                            : rangeWithCurrent(graph, range, current),
                   current);
    return 0;
}

int heads(CliContext& context)
{
    const RevisionGraph& graph = context.project().graph();
    const QVector<int>& heads = context.parser.isSet(QStringLiteral("resolve-dependencies"))
                                    ? graph.realHeads()
                                    : graph.heads();
    if (context.json()) {
        JsonWriter json(context.jsonSink());
        json.beginArray();
        for (int i : heads)
            json.value(graph.id(i));
        json.endArray();
        return 0;
    }
    for (int i : heads) {
        context.out << (context.parser.isSet(kVerbose) ? RevisionFormat::verbose(graph, i)
                                                       : RevisionFormat::idWithMarkers(graph, i))
                    << '\n';
    }
    return 0;
}

int branches(CliContext& context)
{
    const RevisionGraph& graph = context.project().graph();
    QVector<int> points;
    for (int i : graph.history()) {
        if (graph.isBranchPoint(i))
            points.append(i);
    }
    if (context.json()) {
        printRevisions(context, points);
        return 0;
    }
    for (int i : points) {
        context.out << RevisionFormat::oneLine(graph, i) << '\n';
        for (int child : graph.children(i))
            context.out << "    -> " << RevisionFormat::idWithMarkers(graph, child) << ", "
                        << graph.revision(child).message << '\n';
    }
    return 0;
}

int show(CliContext& context)
{
    const QStringList names = context.arguments();
    if (names.isEmpty())
        throw Error(ErrorKind::Usage, QStringLiteral("name the revision to show, e.g. 'head'"));
    const RevisionGraph& graph = context.project().graph();
    const RevisionResolver resolver(graph);
    QVector<int> revisions;
    for (const QString& name : names)
        revisions += resolver.resolve(name);
    if (context.json()) {
        printRevisions(context, revisions);
        return 0;
    }
    for (int i : revisions)
        context.out << RevisionFormat::verbose(graph, i) << '\n';
    return 0;
}

} // namespace

QVector<Command> historyCommands()
{
    return {
        {QStringLiteral("history"), QStringLiteral("List revisions, newest first."),
         [](QCommandLineParser& parser) {
             addListingOptions(parser);
             parser.addOption({{QStringLiteral("r"), QStringLiteral("rev-range")},
                               QStringLiteral("Only revisions from START to END (either may be "
                                              "left out)."),
                               QStringLiteral("START:END")});
             parser.addOption({{QStringLiteral("i"), QStringLiteral("indicate-current")},
                               QStringLiteral("Mark the database's current revisions; allows "
                                              "'current' and relative names in -r.")});
         },
         history},
        {QStringLiteral("heads"), QStringLiteral("Show the head revisions."),
         [](QCommandLineParser& parser) {
             addListingOptions(parser);
             parser.addOption({QStringLiteral("resolve-dependencies"),
                               QStringLiteral("Leave out heads that others depend on.")});
         },
         heads},
        {QStringLiteral("branches"), QStringLiteral("Show branch points and their branches."),
         addListingOptions, branches},
        {QStringLiteral("show"), QStringLiteral("Show one or more revisions in detail."),
         [](QCommandLineParser& parser) {
             addListingOptions(parser);
             parser.addPositionalArgument(QStringLiteral("revision"),
                                          QStringLiteral("Revision names (ids, labels, head, ...)."),
                                          QStringLiteral("REVISION..."));
         },
         show},
    };
}

} // namespace retort::cli
