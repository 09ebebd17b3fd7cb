// SPDX-License-Identifier: Apache-2.0
#include "benchtiming.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace retort::testsupport {

double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

double medianCpuMs(int runs, const std::function<void()>& work)
{
    const auto cpuMs = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return (double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3) +
               (double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
    };
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        const double before = cpuMs();
        work();
        times.push_back(cpuMs() - before);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

ProcessFigures timeProcess(const QString& program, const QStringList& arguments, int runs)
{
    std::vector<QByteArray> storage{program.toLocal8Bit()};
    for (const QString& argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<double> walls;
    std::vector<double> cpus;
    double peakMb = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        std::fflush(stdout); // the child must not inherit (and print) unwritten output
        timer.start();
        const pid_t pid = fork();
        if (pid == 0) {
            if (!freopen("/dev/null", "w", stdout))
                _exit(126);
            execv(argv[0], argv.data());
            _exit(127);
        }
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        walls.push_back(double(timer.nsecsElapsed()) / 1e6);
        peakMb = std::max(peakMb, double(usage.ru_maxrss) / 1024.0);
        cpus.push_back(double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                       double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "%s %s failed\n", qPrintable(program),
                         qPrintable(arguments.join(u' ')));
            std::exit(1);
        }
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    return {walls[walls.size() / 2], peakMb, cpus[cpus.size() / 2]};
}

} // namespace retort::testsupport
