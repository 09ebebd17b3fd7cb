// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <thread>

namespace retort::cli {

// Turns Ctrl-C (SIGINT) and SIGTERM into a call of `onInterrupt` on a thread of its own,
// since almost nothing may be done inside a signal handler. While it lives, the signals do
// not kill the process; the previous handlers come back when it is destroyed.
class InterruptWatcher
{
public:
    explicit InterruptWatcher(std::function<void()> onInterrupt);
    ~InterruptWatcher();
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;

private:
    std::function<void()> m_onInterrupt;
    std::thread m_thread;
};

} // namespace retort::cli
