// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/error.h"

namespace retort::cli {

// The documented exit codes of `retort` (README, "Exit codes").
enum ExitCode : int {
    ExitOk = 0,
    ExitCheckFailed = 1,   // a check found something: not at head, differences, changed scripts
    ExitUsage = 2,         // bad command line
    ExitProject = 3,       // config, script or revision graph error; unknown revision
    ExitDatabase = 4,      // cannot connect, or SQL failed
    ExitLocked = 5,        // another runner holds the migration lock past the timeout
    ExitCancelled = 130,   // interrupted (Ctrl-C)
};

// What each exit code means, for `retort --help` (and so its man page).
inline const char* exitCodeMeaning(ExitCode code)
{
    switch (code) {
    case ExitOk:
        return "Success.";
    case ExitCheckFailed:
        return "A check found something: current --check-heads (not at head), verify (changed "
               "or missing scripts), check (schema differs), lint (findings).";
    case ExitUsage:
        return "Usage error: unknown command or option, a missing argument.";
    case ExitProject:
        return "Project error: configuration, an unreadable script, a broken revision graph, an "
               "unknown or ambiguous revision.";
    case ExitDatabase:
        return "Database error: cannot connect, or SQL failed.";
    case ExitLocked:
        return "Another runner holds the migration lock past the timeout.";
    case ExitCancelled:
        return "Interrupted (Ctrl-C): the running migration was rolled back.";
    }
    return "";
}

inline int exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
        return ExitUsage;
    case ErrorKind::Config:
    case ErrorKind::Script:
    case ErrorKind::Graph:
        return ExitProject;
    case ErrorKind::Database:
        return ExitDatabase;
    case ErrorKind::Lock:
        return ExitLocked;
    case ErrorKind::Cancelled:
        return ExitCancelled;
    }
    return ExitProject;
}

} // namespace retort::cli
