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
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "%s %s failed\n", qPrintable(program),
                         qPrintable(arguments.join(u' ')));
            std::exit(1);
        }
    }
    std::sort(walls.begin(), walls.end());
    return {walls[walls.size() / 2], peakMb};
}

} // namespace retort::testsupport
