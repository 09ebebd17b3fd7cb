// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <functional>

namespace retort::testsupport {

// Median wall time of `runs` calls of `work`, in milliseconds.
double medianMs(int runs, const std::function<void()>& work);
// Median CPU time of this process's threads (user + system) during `runs` calls of `work`.
double medianCpuMs(int runs, const std::function<void()>& work);

struct ProcessFigures
{
    double wallMs = 0; // median
    double peakMb = 0; // largest peak resident memory (wait4's ru_maxrss)
    double cpuMs = 0;  // median CPU time, user + system (wait4's rusage): on a busy machine
                       // the figure that does not depend on the other processes
};

// Runs `program arguments` `runs` times as its own process (fork + exec, stdout to /dev/null,
// no Qt in between) and times it from fork to exit. Exits the benchmark when a run fails.
ProcessFigures timeProcess(const QString& program, const QStringList& arguments, int runs);

} // namespace retort::testsupport
