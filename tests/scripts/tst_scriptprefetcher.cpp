// SPDX-License-Identifier: Apache-2.0
// ScriptPrefetcher: scripts come in plan order from a thread of their own, at most `depth`
// ahead, and a script that cannot be loaded fails at its own step.
#include "common/error.h"
#include "scripts/scriptprefetcher.h"

#include <QTest>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace retort;

namespace {

// A loader that makes up a script per revision and records where and how often it ran.
struct RecordingLoader
{
    std::atomic_int calls{0};
    std::mutex mutex;
    std::set<std::thread::id> threads;
    int failing = -1; // this revision's load throws

    std::set<std::thread::id> threadsSeen()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return threads;
    }

    ScriptPrefetcher::Loader loader()
    {
        return [this](int revision) {
            ++calls;
            {
                std::lock_guard<std::mutex> lock(mutex);
                threads.insert(std::this_thread::get_id());
            }
            if (revision == failing)
                throw Error(ErrorKind::Script, QStringLiteral("v%1.sql:3: bad section").arg(revision));
            LoadedScript script;
            script.checksum = QString::number(revision);
            script.text = QStringLiteral("-- +upgrade\nSELECT %1;\n").arg(revision);
            return script;
        };
    }
};

} // namespace

class TestScriptPrefetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversInPlanOrderFromItsOwnThread();
    void readsAtMostDepthAhead();
    void failingScriptFailsAtItsOwnStep();
    void unexpectedRevisionIsLoadedDirectly();
    void stopsWhileWaitingForRoom();
};

void TestScriptPrefetcher::deliversInPlanOrderFromItsOwnThread()
{
    RecordingLoader recording;
    const QVector<int> plan = {7, 3, 9, 1};
    ScriptPrefetcher prefetcher(recording.loader(), plan, 2);
    for (int revision : plan)
        QCOMPARE(prefetcher.take(revision).checksum, QString::number(revision));
    QCOMPARE(recording.calls.load(), plan.size());
    const std::set<std::thread::id> threads = recording.threadsSeen();
    QCOMPARE(threads.size(), size_t(1));
    QVERIFY(*threads.begin() != std::this_thread::get_id());
}

void TestScriptPrefetcher::readsAtMostDepthAhead()
{
    RecordingLoader recording;
    QVector<int> plan;
    for (int i = 0; i < 100; ++i)
        plan.append(i);
    ScriptPrefetcher prefetcher(recording.loader(), plan, 4);
    // Four wait to be taken; the fifth is loaded and waits for room.
    QTRY_COMPARE(recording.calls.load(), 5);
    QTest::qWait(100);
    QCOMPARE(recording.calls.load(), 5);
    QCOMPARE(prefetcher.take(0).checksum, QStringLiteral("0"));
    QTRY_COMPARE(recording.calls.load(), 6);
}

void TestScriptPrefetcher::failingScriptFailsAtItsOwnStep()
{
    RecordingLoader recording;
    recording.failing = 2;
    ScriptPrefetcher prefetcher(recording.loader(), {0, 1, 2, 3}, 16);
    QCOMPARE(prefetcher.take(0).checksum, QStringLiteral("0"));
    QCOMPARE(prefetcher.take(1).checksum, QStringLiteral("1"));
    try {
        prefetcher.take(2);
        QFAIL("revision 2 cannot be loaded");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Script);
        QCOMPARE(error.message(), QStringLiteral("v2.sql:3: bad section"));
    }
    QCOMPARE(recording.calls.load(), 3); // nothing read past the failing script
}

void TestScriptPrefetcher::unexpectedRevisionIsLoadedDirectly()
{
    RecordingLoader recording;
    ScriptPrefetcher prefetcher(recording.loader(), {0, 1}, 16);
    QCOMPARE(prefetcher.take(42).checksum, QStringLiteral("42"));
    QCOMPARE(recording.threadsSeen().count(std::this_thread::get_id()), size_t(1));
}

void TestScriptPrefetcher::stopsWhileWaitingForRoom()
{
    RecordingLoader recording;
    QVector<int> plan(1000, 5);
    {
        ScriptPrefetcher prefetcher(recording.loader(), plan, 1);
        QTRY_COMPARE(recording.calls.load(), 2);
    } // joins its thread: returns at once, not after 1,000 loads
    QCOMPARE(recording.calls.load(), 2);
}

QTEST_GUILESS_MAIN(TestScriptPrefetcher)
#include "tst_scriptprefetcher.moc"
