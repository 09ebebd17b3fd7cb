// SPDX-License-Identifier: Apache-2.0
#include "interruptwatcher.h"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace retort::cli {

namespace {

int wakePipe[2] = {-1, -1};
struct sigaction previousInt, previousTerm;

void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(wakePipe[1], &byte, 1);
}

} // namespace

InterruptWatcher::InterruptWatcher(std::function<void()> onInterrupt)
    : m_onInterrupt(std::move(onInterrupt))
{
    if (::pipe2(wakePipe, O_CLOEXEC) != 0)
        return;
    struct sigaction action{};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previousInt);
    ::sigaction(SIGTERM, &action, &previousTerm);
    m_thread = std::thread([this] {
        char byte = 0;
        // A signal wakes the read with its number; closing the pipe (destructor) ends it.
        while (::read(wakePipe[0], &byte, 1) == 1 && byte != 0)
            m_onInterrupt();
    });
}

InterruptWatcher::~InterruptWatcher()
{
    if (wakePipe[1] < 0)
        return;
    ::sigaction(SIGINT, &previousInt, nullptr);
    ::sigaction(SIGTERM, &previousTerm, nullptr);
    const char stop = 0;
    [[maybe_unused]] const ssize_t written = ::write(wakePipe[1], &stop, 1);
    if (m_thread.joinable())
        m_thread.join();
    ::close(wakePipe[0]);
    ::close(wakePipe[1]);
    wakePipe[0] = wakePipe[1] = -1;
}

} // namespace retort::cli
