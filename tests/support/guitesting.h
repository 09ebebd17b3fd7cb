// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

class QAbstractItemModelTester;

namespace retort::testsupport {

// Measures the longest pause of the thread's event loop: a timer that should tick every
// 10 ms records the largest gap between two ticks, and the most CPU time the thread itself
// used between two ticks (a long gap with little CPU is the machine's load, not the GUI's work).
class StallMeter : public QObject
{
public:
    StallMeter();
    qint64 longestGapMs() const { return m_longest; }
    double longestBusyMs() const { return m_longestBusy; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
    double m_cpuAtTick = 0;
    double m_longestBusy = 0;
    int m_ticks = 0;
};

// A QAbstractItemModelTester (failures reported to QtTest) on every item model below `root`,
// for as long as the returned testers live.
std::vector<std::unique_ptr<QAbstractItemModelTester>> modelTesters(QObject* root);

// Copies every file below `from` to the same place below `to` (a project, for a test to change).
void copyTree(const QString& from, const QString& to);

// The example project's revisions (migrations/), oldest first.
namespace example {
inline const QString kBaseline = QStringLiteral("3c9e1a7f52b8");
inline const QString kUsers = QStringLiteral("7d41b0e9c6a2");
inline const QString kSessions = QStringLiteral("e58a2f3d90c1");
inline const QString kStyles = QStringLiteral("1b6fc84e07d9");
inline const QString kOutputs = QStringLiteral("9a03d7e5b4f6");
inline const QString kMerge = QStringLiteral("c2e84b19f7a0");
inline const QString kOwners = QStringLiteral("5f7d2a6c8e13");
} // namespace example

} // namespace retort::testsupport
