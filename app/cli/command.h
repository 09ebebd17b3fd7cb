// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "clicontext.h"

#include <QString>
#include <QVector>
#include <functional>

namespace retort::cli {

// One `retort` subcommand: its name, help, options and what it does.
struct Command
{
    QString name;
    QString summary;
    std::function<void(QCommandLineParser&)> addOptions;
    std::function<int(CliContext&)> run;
};

// The command groups, one file each.
QVector<Command> authoringCommands(); // init, revision, merge
QVector<Command> historyCommands();   // history, heads, branches, show
QVector<Command> runCommands();       // current, upgrade, downgrade, stamp
QVector<Command> lintCommands();      // lint
QVector<Command> verifyCommands();    // verify
QVector<Command> unlockCommands();    // unlock
QVector<Command> logCommands();       // log
QVector<Command> schemaCommands();    // diff, check

} // namespace retort::cli
