// SPDX-License-Identifier: Apache-2.0
// diff, check: comparing the model, a live database and the scripts at a revision.
#include "command.h"

#include "common/singleline.h"
#include "exitcode.h"
#include "ddl/revisionautogenerator.h"
#include "schema/schemadiff.h"
#include "schema/schemamodel.h"

#include <QJsonArray>

namespace retort::cli {

namespace {

const QString kJson = QStringLiteral("json");
const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kDrift = QStringLiteral("drift");
const QString kSql = QStringLiteral("sql");

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
        printDdl(context, RevisionAutogenerator(context.project(), context.databaseUrl()), from,
                 to);
        return ExitOk;
    }
    const SchemaReader reader(context.project(), context.databaseUrl());
    printComparison(context, reader, from, to, reader.read(from), reader.read(to));
    return ExitOk;
}

int check(CliContext& context)
{
    const SchemaReader reader(context.project(), context.databaseUrl());
    if (!context.parser.isSet(kDrift)) {
        const SchemaSource db{SchemaSource::Kind::Database, {}};
        const SchemaSource model{SchemaSource::Kind::Model, {}};
        const bool differs =
            printComparison(context, reader, db, model, reader.database(), reader.model());
        return differs ? ExitCheckFailed : ExitOk;
    }
    // Drift: what the scripts made at the recorded version, against what the database holds.
    const QStringList revisions = reader.databaseRevisions();
    const SchemaSource scripts{SchemaSource::Kind::Revision,
                               revisions.isEmpty() ? QStringLiteral("base")
                                                   : revisions.join(QStringLiteral(", "))};
    const SchemaSource db{SchemaSource::Kind::Database, {}};
    const bool differs =
        printComparison(context, reader, scripts, db, reader.scripts(revisions), reader.database(),
                        {{QStringLiteral("revisions"), QJsonArray::fromStringList(revisions)}});
    if (differs && !context.json())
        context.err << "The database was changed outside its migrations: the changes above are "
                       "not in the scripts.\n";
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
             parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
         },
         diff},
        {QStringLiteral("check"),
         QStringLiteral("Exit with 1 when the database differs from the model (--drift: from "
                        "its scripts)."),
         [](QCommandLineParser& parser) {
             parser.addOption({kDrift, QStringLiteral("Compare the database with what its scripts "
                                                      "made at its recorded revision(s).")});
             parser.addOption({kJson, QStringLiteral("Print JSON instead of text.")});
         },
         check},
    };
}

} // namespace retort::cli
