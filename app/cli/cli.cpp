// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include "command.h"
#include "common/error.h"
#include "database/databaseurl.h"
#include "exitcode.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace retort::cli {

namespace {

QVector<Command> allCommands()
{
    return authoringCommands() + historyCommands() + runCommands() + logCommands() +
           verifyCommands() + unlockCommands() + schemaCommands() + lintCommands();
}

// Global options take a value: skip it when looking for the subcommand's name.
bool takesValue(const QString& argument)
{
    return argument == QLatin1String("-c") || argument == QLatin1String("--config") ||
           argument == QLatin1String("--url") || argument == QLatin1String("--url-env") ||
           argument == QLatin1String("--connect-timeout");
}

void addGlobalOptions(QCommandLineParser& parser)
{
    parser.addOption({{QStringLiteral("c"), QStringLiteral("config")},
                      QStringLiteral("The project's retort.ini or alembic.ini (default: the one in "
                                     "the working directory)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("Database URL, overriding the config (SQLAlchemy form). A "
                                     "password here shows in the process list: prefer "
                                     "--url-env, --password-prompt or PGPASSWORD/PGPASSFILE."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("url-env"),
                      QStringLiteral("Read the database URL from the environment variable NAME."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("password-prompt"),
                      QStringLiteral("Ask for the database password on the terminal, without "
                                     "echo (standard input when there is no terminal).")});
    parser.addOption({QStringLiteral("connect-timeout"),
                      QStringLiteral("Seconds to wait for a database server to answer when "
                                     "connecting (default: the URL's connect_timeout, else %1).")
                          .arg(DatabaseUrl::kDefaultConnectTimeoutSeconds),
                      QStringLiteral("SECONDS")});
    parser.addHelpOption();
}

} // namespace

void Cli::printUsage(QTextStream& stream) const
{
    stream << "Usage: retort [-c PATH] [--url URL | --url-env NAME] [--password-prompt] "
              "[--connect-timeout SECONDS] <command> [options]\n\n"
              "Database schema migrations, compatible with Alembic projects.\n\nCommands:\n";
    for (const Command& command : allCommands())
        stream << "  " << command.name.leftJustified(12) << command.summary << '\n';
    stream << "\nRun 'retort <command> --help' for a command's options.\n\nExit status:\n";
    for (ExitCode code : {ExitOk, ExitCheckFailed, ExitUsage, ExitProject, ExitDatabase, ExitLocked,
                          ExitCancelled})
        stream << "  " << QString::number(code).leftJustified(5) << exitCodeMeaning(code) << '\n';
    stream << "\nExamples:\n"
              "  retort -c migrations/retort.ini history\n"
              "      The project's revisions, newest first.\n"
              "  retort --url sqlite:///app.db current -v\n"
              "      Where the database stands, with changed scripts and the lock's holder.\n"
              "  retort upgrade head --dry-run\n"
              "      The SQL an upgrade would run, planned against the real database.\n"
              "  retort downgrade -1\n"
              "      Roll the last migration back.\n"
              "  retort revision --autogenerate -m \"add invoices\"\n"
              "      A new revision from the difference between the scripts and model.sql.\n";
    stream.flush();
}

int Cli::run(const QStringList& arguments)
{
    int commandAt = -1;
    for (int i = 1; i < arguments.size(); ++i) {
        if (takesValue(arguments[i])) {
            ++i;
        } else if (!arguments[i].startsWith(u'-')) {
            commandAt = i;
            break;
        }
    }
    if (commandAt < 0) {
        if (arguments.contains(QLatin1String("--version"))) {
            m_out << "retort " << RETORT_VERSION << '\n';
            return ExitOk;
        }
        const bool askedForHelp =
            arguments.contains(QLatin1String("-h")) || arguments.contains(QLatin1String("--help"));
        printUsage(askedForHelp ? m_out : m_err);
        return askedForHelp ? ExitOk : ExitUsage;
    }

    const QString name = arguments[commandAt];
    const QVector<Command> commands = allCommands();
    const auto command = std::find_if(commands.begin(), commands.end(),
                                      [&](const Command& c) { return c.name == name; });
    if (command == commands.end()) {
        m_err << "retort: unknown command '" << name << "'\n\n";
        printUsage(m_err);
        return ExitUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary);
    addGlobalOptions(parser);
    command->addOptions(parser);
    QStringList commandLine = arguments;
    commandLine.removeAt(commandAt);
    // Relative targets such as "-1" are arguments, not options: move them behind "--".
    static const QRegularExpression relative(QStringLiteral("^-\\d+$"));
    QStringList relativeTargets;
    for (int i = int(commandLine.size()) - 1; i > 0; --i) {
        if (relative.match(commandLine[i]).hasMatch())
            relativeTargets.prepend(commandLine.takeAt(i));
    }
    if (!relativeTargets.isEmpty())
        commandLine << QStringLiteral("--") << relativeTargets;
    if (!parser.parse(commandLine)) {
        m_err << "retort " << name << ": " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText().replace(QStringLiteral("[options]"),
                                           name + QStringLiteral(" [options]"));
        return ExitOk;
    }

    CliContext context(parser, m_out, m_err);
    try {
        const int code = command->run(context);
        m_out.flush();
        return code;
    } catch (const Error& error) {
        m_out.flush();
        m_err << "retort " << name << ": error: " << error.message() << '\n';
        if (error.kind() == ErrorKind::Lock && name != QLatin1String("unlock"))
            m_err << "retort: if the lock's runner is gone, 'retort unlock' ends its session\n";
        m_err.flush();
        return exitCodeFor(error.kind());
    }
}

} // namespace retort::cli
