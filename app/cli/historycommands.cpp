// SPDX-License-Identifier: Apache-2.0
// history, heads, branches, show: reading the revision graph.
#include "command.h"

#include "error.h"
#include "revisionformat.h"
#include "revisionrange.h"
#include "revisionresolver.h"

#include <QJsonArray>

namespace retort::cli {

namespace {

const QString kJson = QStringLiteral("json");
const QString kVerbose = QStringLiteral("verbose");

void addListingOptions(QCommandLineParser& parser)
{
    parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
    parser.addOption({{QStringLiteral("v"), kVerbose}, QStringLiteral("Show every detail.")});
}

// Prints revisions as text (one line each, or verbose blocks) or as a JSON array.
void printRevisions(CliContext& context, const QVector<int>& revisions)
{
    const RevisionGraph& graph = context.project().graph();
    if (context.json()) {
        QJsonArray array;
        for (int i : revisions)
            array.append(RevisionFormat::toJson(graph, i));
        context.printJson(array);
        return;
    }
    const bool verbose = context.parser.isSet(kVerbose);
    for (int i : revisions)
        context.out << (verbose ? RevisionFormat::verbose(graph, i) + u'\n'
                                : RevisionFormat::oneLine(graph, i) + u'\n');
}

int history(CliContext& context)
{
    const RevisionGraph& graph = context.project().graph();
    printRevisions(context, revisionRange(graph, context.parser.value(QStringLiteral("rev-range"))));
    return 0;
}

int heads(CliContext& context)
{
    const RevisionGraph& graph = context.project().graph();
    const QVector<int>& heads = context.parser.isSet(QStringLiteral("resolve-dependencies"))
                                    ? graph.realHeads()
                                    : graph.heads();
    if (context.json()) {
        QJsonArray ids;
        for (int i : heads)
            ids.append(graph.id(i));
        context.printJson(ids);
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
        QJsonArray array;
        for (int i : points)
            array.append(RevisionFormat::toJson(graph, i));
        context.printJson(array);
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
        QJsonArray array;
        for (int i : revisions)
            array.append(RevisionFormat::toJson(graph, i));
        context.printJson(array);
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
