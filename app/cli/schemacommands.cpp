// SPDX-License-Identifier: Apache-2.0
// diff, check: comparing the model, a live database and the scripts at a revision.
#include "command.h"

#include "common/singleline.h"
#include "exitcode.h"
#include "interruptwatcher.h"
#include "ddl/revisionautogenerator.h"
#include "schema/driftcheck.h"
#include "schema/schemadiff.h"
#include "schema/schemareader.h"

#include <QJsonArray>

namespace retort::cli {

namespace {

const QString kJson = QStringLiteral("json");
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kDrift = QStringLiteral("drift");
const QString kSql = QStringLiteral("sql");
const QString kDevUrl = QStringLiteral("dev-url");

// Prints the comparison of `from` with `to` as text or JSON; returns whether they differ.
bool printComparison(CliContext& context, const SchemaReader& reader, const SchemaSource& from,
                     const SchemaSource& to, const Schema& fromSchema, const Schema& toSchema,
                     const QJsonObject& extra = {})
{
    const SchemaDiff diff = SchemaDiff::compare(fromSchema, toSchema);
    if (context.json()) {
        QJsonObject json = diff.toJson();
        json.insert(kFrom, from.describe());
        json.insert(kTo, to.describe());
        if (!reader.options().schemaName.isEmpty())
            json.insert(QStringLiteral("schema"), reader.options().schemaName);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            json.insert(it.key(), it.value());
        context.printJson(json);
    } else if (diff.isEmpty()) {
        context.out << "No differences between " << from.describe() << " and " << to.describe()
                    << ".\n";
    } else {
        context.out << "From " << from.describe() << " to " << to.describe() << " ("
                    << diff.changes().size() << " change(s)):\n"
                    << diff.toText();
    }
    return !diff.isEmpty();
}

void printNotes(CliContext& context, const SchemaReader& reader)
{
    for (const QString& note : reader.notes())
        context.err << "Note: " << note << "\n";
}

SchemaSource sourceOption(CliContext& context, const QString& option, const QString& fallback)
{
    const QString value = context.parser.value(option);
    return SchemaSource::parse(value.isEmpty() ? fallback : value);
}

// diff --sql: the DDL that turns `from` into `to`, as a script to read or pipe.
void printDdl(CliContext& context, const RevisionAutogenerator& autogenerator,
              const SchemaSource& from, const SchemaSource& to)
{
    const SchemaReader& reader = autogenerator.reader();
    const QVector<DdlStatement> statements =
        autogenerator.generator().generate(reader.read(from), reader.read(to));
    if (context.json()) {
        QJsonObject json{{kFrom, from.describe()},
                         {kTo, to.describe()},
                         {QStringLiteral("statements"), DdlGenerator::toJson(statements)}};
        if (!reader.options().schemaName.isEmpty())
            json.insert(QStringLiteral("schema"), reader.options().schemaName);
        context.printJson(json);
    } else if (statements.isEmpty()) {
        context.out << "-- No differences between " << singleLine(from.describe()) << " and "
                    << singleLine(to.describe())
                    << ": nothing to do.\n";
    } else {
        context.out << "-- From " << singleLine(from.describe()) << " to "
                    << singleLine(to.describe()) << " ("
                    << statements.size() << " statement(s)).\n\n"
                    << DdlGenerator::render(statements);
    }
}

int diff(CliContext& context)
{
    const SchemaSource from = sourceOption(context, kFrom, QStringLiteral("db"));
    const SchemaSource to = sourceOption(context, kTo, QStringLiteral("model"));
    if (context.parser.isSet(kSql)) {
        const RevisionAutogenerator autogenerator(context.project(), context.databaseUrl(),
                                                  context.devUrl());
        const InterruptWatcher interrupt([&autogenerator] { autogenerator.reader().cancel(); });
        printDdl(context, autogenerator, from, to);
        printNotes(context, autogenerator.reader());
        return ExitOk;
    }
    const SchemaReader reader(context.project(), context.databaseUrl(), context.devUrl());
    const InterruptWatcher interrupt([&reader] { reader.cancel(); });
    const auto [fromSchema, toSchema] = reader.readBoth(from, to);
    printComparison(context, reader, from, to, fromSchema, toSchema);
    printNotes(context, reader);
    return ExitOk;
}

// check --drift: the database against its scripts as they ran, and those against the files.
int checkDrift(CliContext& context, const SchemaReader& reader)
{
    const DriftReport report = DriftCheck(reader).run();
    const QString scripts =
        QStringLiteral("the scripts at ") +
        (report.revisions.isEmpty() ? QStringLiteral("base")
                                    : report.revisions.join(QStringLiteral(", ")));
    if (context.json()) {
        QJsonObject json = report.toJson();
        json.insert(kFrom, scripts);
        json.insert(kTo, QStringLiteral("the database"));
        if (!reader.options().schemaName.isEmpty())
            json.insert(QStringLiteral("schema"), reader.options().schemaName);
        context.printJson(json);
    } else if (report.isEmpty()) {
        context.out << "No differences between " << scripts << " and the database.\n";
    } else {
        context.out << report.toText();
    }
    if (!context.json()) {
        if (report.databaseMoved())
            context.err << "The database was changed outside its migrations: the changes from "
                           "the scripts to the database are not in the scripts as they ran.\n";
        if (report.scriptsMoved())
            context.err << report.editedScripts.size()
                        << " applied script(s) were edited since they ran: the database is as "
                           "they left it, a new database would differ (retort verify shows the "
                           "edits).\n";
        else if (!report.editedScripts.isEmpty())
            context.err << report.editedScripts.size()
                        << " applied script(s) were edited since they ran, without changing the "
                           "schema (retort verify shows the edits).\n";
        if (!report.unrecorded.isEmpty())
            context.err << "Not recorded by Retort when they ran, so taken as they are now: "
                        << report.unrecorded.join(QStringLiteral(", ")) << "\n";
    }
    printNotes(context, reader);
    return report.isEmpty() ? ExitOk : ExitCheckFailed;
}

int check(CliContext& context)
{
    const SchemaReader reader(context.project(), context.databaseUrl(), context.devUrl());
    // Ctrl-C stops a local server's start-up, a replay or a model load; everything made for
    // the command is then removed as it would be at the end.
    const InterruptWatcher interrupt([&reader] { reader.cancel(); });
    if (context.parser.isSet(kDrift))
        return checkDrift(context, reader);
    const SchemaSource db{SchemaSource::Kind::Database, {}};
    const SchemaSource model{SchemaSource::Kind::Model, {}};
    const auto [live, desired] = reader.readBoth(db, model);
    const bool differs = printComparison(context, reader, db, model, live, desired);
    printNotes(context, reader);
    return differs ? ExitCheckFailed : ExitOk;
}

} // namespace

QVector<Command> schemaCommands()
{
    return {
        {QStringLiteral("diff"),
         QStringLiteral("Compare two schemas: the model, the database, the scripts at a revision."),
         [](QCommandLineParser& parser) {
             parser.addOption({kFrom,
                               QStringLiteral("The schema to compare from: model, db or "
                                              "rev:REVISION (default db)."),
                               QStringLiteral("SCHEMA")});
             parser.addOption({kTo,
                               QStringLiteral("The schema to compare to: model, db or "
                                              "rev:REVISION (default model)."),
                               QStringLiteral("SCHEMA")});
             parser.addOption({kSql, QStringLiteral("Print the DDL that turns the --from schema "
                                                    "into the --to schema (SQLite, PostgreSQL).")});
             addDevUrlOption(parser);
             parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
         },
         diff},
        {QStringLiteral("check"),
         QStringLiteral("Exit with 1 when the database differs from the model (--drift: from "
                        "its scripts)."),
         [](QCommandLineParser& parser) {
             parser.addOption({kDrift, QStringLiteral("Compare the database with what its scripts "
                                                      "made at its recorded revision(s), telling "
                                                      "changes to the database from edits to "
                                                      "the scripts.")});
             addDevUrlOption(parser);
             parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
         },
         check},
    };
}

} // namespace retort::cli
