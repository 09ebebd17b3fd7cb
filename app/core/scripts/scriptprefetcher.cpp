// SPDX-License-Identifier: Apache-2.0
#include "scripts/scriptprefetcher.h"

namespace retort {

ScriptPrefetcher::ScriptPrefetcher(Loader loader, QVector<int> revisions, int depth)
    : m_loader(std::move(loader)),
      m_revisions(std::move(revisions)),
      m_depth(std::max(depth, 1)),
      m_thread([this] { readAhead(); })
{
}

ScriptPrefetcher::~ScriptPrefetcher()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ScriptPrefetcher::readAhead()
{
    for (int revision : m_revisions) {
        Loaded loaded;
        loaded.revision = revision;
        try {
            loaded.script = m_loader(revision);
        } catch (...) {
            loaded.error = std::current_exception();
        }
        const bool failed = bool(loaded.error);
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopping || int(m_ready.size()) < m_depth; });
        if (m_stopping)
            break;
        m_ready.push_back(std::move(loaded));
        m_changed.notify_all();
        if (failed)
            break; // the run stops at that step
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_done = true;
    m_changed.notify_all();
}

LoadedScript ScriptPrefetcher::take(int revision)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (m_ready.empty() || m_ready.front().revision != revision) {
        lock.unlock();
        return m_loader(revision);
    }
    Loaded loaded = std::move(m_ready.front());
    m_ready.pop_front();
    lock.unlock();
    m_changed.notify_all();
    if (loaded.error)
        std::rethrow_exception(loaded.error);
    return std::move(*loaded.script);
}

} // namespace retort
