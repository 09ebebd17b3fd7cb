// SPDX-License-Identifier: Apache-2.0
// init, revision, merge: writing projects and scripts.
#include "command.h"

#include "error.h"
#include "projectinitializer.h"
#include "revisionauthor.h"

#include <QDir>

namespace retort::cli {

namespace {

const QString kMessage = QStringLiteral("message");
const QString kBranchLabel = QStringLiteral("branch-label");
const QString kRevId = QStringLiteral("rev-id");

void addNewRevisionOptions(QCommandLineParser& parser)
{
    parser.addOption({{QStringLiteral("m"), kMessage},
                      QStringLiteral("What the revision does."),
                      QStringLiteral("MESSAGE")});
    parser.addOption({kBranchLabel, QStringLiteral("A branch label for the new revision (repeatable)."),
                      QStringLiteral("LABEL")});
    parser.addOption({kRevId, QStringLiteral("The id to use instead of a random one."),
                      QStringLiteral("ID")});
}

int init(CliContext& context)
{
    const QStringList args = context.arguments();
    if (args.size() != 1)
        throw Error(ErrorKind::Usage, QStringLiteral("name the folder to create: retort init DIR"));
    const QString configPath = ProjectInitializer::create(args.first());
    context.out << "Created " << QDir::toNativeSeparators(configPath)
                << "\nAdd a revision with: retort -c " << configPath << " revision -m \"...\"\n";
    return 0;
}

int revision(CliContext& context)
{
    const QCommandLineParser& parser = context.parser;
    NewRevision request;
    request.message = parser.value(kMessage);
    request.parents = {parser.value(QStringLiteral("head"))};
    request.splice = parser.isSet(QStringLiteral("splice"));
    request.branchLabels = parser.values(kBranchLabel);
    request.dependsOn = parser.values(QStringLiteral("depends-on"));
    request.revisionId = parser.value(kRevId);
    request.versionPath = parser.value(QStringLiteral("version-path"));
    const QString path = RevisionAuthor(context.project()).create(request);
    context.out << "Generating " << QDir::toNativeSeparators(path) << " ... done\n";
    return 0;
}

int merge(CliContext& context)
{
    QStringList revisions = context.arguments();
    if (revisions.isEmpty())
        revisions << QStringLiteral("heads");
    const QCommandLineParser& parser = context.parser;
    const QString path = RevisionAuthor(context.project())
                             .merge(revisions, parser.value(kMessage), parser.values(kBranchLabel),
                                    parser.value(kRevId));
    context.out << "Generating " << QDir::toNativeSeparators(path) << " ... done\n";
    return 0;
}

} // namespace

QVector<Command> authoringCommands()
{
    return {
        {QStringLiteral("init"), QStringLiteral("Create a new project folder."),
         [](QCommandLineParser& parser) {
             parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Folder to create."),
                                          QStringLiteral("DIR"));
         },
         init},
        {QStringLiteral("revision"), QStringLiteral("Create a new migration script."),
         [](QCommandLineParser& parser) {
             addNewRevisionOptions(parser);
             parser.addOption({QStringLiteral("head"),
                               QStringLiteral("The revision to build on (default: head; 'base' "
                                              "starts a new base)."),
                               QStringLiteral("REV"), QStringLiteral("head")});
             parser.addOption({QStringLiteral("splice"),
                               QStringLiteral("Allow --head to name a revision that is not a head.")});
             parser.addOption({QStringLiteral("depends-on"),
                               QStringLiteral("A revision this one depends on (repeatable)."),
                               QStringLiteral("REV")});
             parser.addOption({QStringLiteral("version-path"),
                               QStringLiteral("The folder to write the script into."),
                               QStringLiteral("DIR")});
         },
         revision},
        {QStringLiteral("merge"), QStringLiteral("Create a revision merging two or more revisions."),
         [](QCommandLineParser& parser) {
             addNewRevisionOptions(parser);
             parser.addPositionalArgument(QStringLiteral("revisions"),
                                          QStringLiteral("Revisions to merge (default: heads)."),
                                          QStringLiteral("[REV...]"));
         },
         merge},
    };
}

} // namespace retort::cli
