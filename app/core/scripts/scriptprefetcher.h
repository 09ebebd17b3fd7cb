// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "scripts/nativescript.h"

#include <QString>
#include <QVector>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace retort {

// A native script as a run executes it.
struct LoadedScript
{
    QString checksum; // SHA-256 of the file's bytes, hex
    QString text;     // kept in the history row, for `verify`
    NativeScript script;
};

// Reads the scripts of a run's plan ahead of the steps that execute them, on a thread of its
// own, so that file reads overlap the database's work instead of adding to each step: it
// matters when they come from disk (a cold page cache, a slow or network disk; 10,000 steps
// with a cold cache here: 5.1-5.3 s instead of 5.5-6.9 s), not when they come from memory.
// At most `depth` loaded scripts wait. Destroying it stops the thread.
class ScriptPrefetcher
{
public:
    // Loads one revision's script; may throw (Error for unreadable or malformed scripts).
    using Loader = std::function<LoadedScript(int revision)>;

    ScriptPrefetcher(Loader loader, QVector<int> revisions, int depth = 16);
    ~ScriptPrefetcher();
    ScriptPrefetcher(const ScriptPrefetcher&) = delete;
    ScriptPrefetcher& operator=(const ScriptPrefetcher&) = delete;

    // The script of `revision`, expected to be the next of `revisions` (another one is loaded
    // here and then). Rethrows what loading it threw: a bad script fails its own step, as
    // without read-ahead, after the steps before it ran.
    LoadedScript take(int revision);

private:
    struct Loaded
    {
        int revision = -1;
        std::optional<LoadedScript> script;
        std::exception_ptr error;
    };

    void readAhead();

    const Loader m_loader;
    const QVector<int> m_revisions;
    const int m_depth;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Loaded> m_ready; // in plan order
    bool m_stopping = false;
    bool m_done = false; // the thread has loaded everything it will
    std::thread m_thread; // last: started once the members above exist
};

} // namespace retort
