// SPDX-License-Identifier: Apache-2.0
#include "guitesting.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <ctime>

namespace retort::testsupport {

namespace {

// CPU time the calling thread has used, in ms.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

} // namespace

StallMeter::StallMeter()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_longest = qMax(m_longest, m_clock.restart());
        const double cpu = threadCpuMs();
        m_longestBusy = qMax(m_longestBusy, cpu - m_cpuAtTick);
        m_cpuAtTick = cpu;
        ++m_ticks;
    });
    m_cpuAtTick = threadCpuMs();
    m_clock.start();
    m_timer.start(10);
}

std::vector<std::unique_ptr<QAbstractItemModelTester>> modelTesters(QObject* root)
{
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    const auto models = root->findChildren<QAbstractItemModel*>();
    for (QAbstractItemModel* model : models) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }
    return testers;
}

void copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(source, target);
    }
}

} // namespace retort::testsupport
