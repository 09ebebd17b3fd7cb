// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace retort::testsupport {

// What a finished child process left behind.
struct ProcessOutput
{
    bool started = false;
    bool crashed = false;   // killed by a signal, or timed out (then killed)
    int exitCode = -1;      // -1 unless it exited by itself
    QString out;
    QString err;

    bool ok() const { return started && !crashed && exitCode == 0; }
    QString description; // "program args: exit N" and stderr, for QVERIFY2 messages
};

// Runs `program` with `arguments` in `workingDirectory` (the current one when empty) and
// waits for it, killing it after `timeoutMs`.
ProcessOutput runProgram(const QString& program, const QStringList& arguments,
                         const QString& workingDirectory = {}, int timeoutMs = 120000);

// Debian's Alembic: /usr/bin/python3 -m alembic ARGS (never a python3 found on PATH, which
// may be another installation without Alembic).
ProcessOutput runAlembic(const QStringList& arguments, const QString& workingDirectory = {});

} // namespace retort::testsupport
