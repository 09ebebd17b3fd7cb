// SPDX-License-Identifier: Apache-2.0
#include "childprocess.h"

#include <QProcess>

namespace retort::testsupport {

ProcessOutput runProgram(const QString& program, const QStringList& arguments,
                         const QString& workingDirectory, int timeoutMs)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    ProcessOutput output;
    output.started = process.waitForStarted();
    if (output.started && !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        output.crashed = true;
    }
    output.crashed = output.crashed || process.exitStatus() == QProcess::CrashExit;
    output.exitCode = output.crashed ? -1 : process.exitCode();
    output.out = QString::fromUtf8(process.readAllStandardOutput());
    output.err = QString::fromUtf8(process.readAllStandardError());
    output.description = QStringLiteral("%1 %2: %3\n%4")
                               .arg(program, arguments.join(u' '),
                                    !output.started  ? QStringLiteral("did not start")
                                    : output.crashed ? QStringLiteral("crashed or timed out")
                                                     : QStringLiteral("exit %1").arg(output.exitCode),
                                    output.err);
    return output;
}

ProcessOutput runAlembic(const QStringList& arguments, const QString& workingDirectory)
{
    return runProgram(QStringLiteral("/usr/bin/python3"),
                      QStringList{QStringLiteral("-m"), QStringLiteral("alembic")} + arguments,
                      workingDirectory);
}

} // namespace retort::testsupport
