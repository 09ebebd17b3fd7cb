// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graph/revision.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVector>
#include <optional>

namespace retort {

// What identifies one version of a file without reading it, as git's index and ninja do.
// Any write changes the change time (ctime), which no tool can set back.
struct FileStamp
{
    qint64 size = -1; // -1: unknown (the file could not be stat'ed)
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    quint64 inode = 0;

    bool isKnown() const { return size >= 0; }
    bool operator==(const FileStamp& other) const
    {
        return size == other.size && modifiedNs == other.modifiedNs &&
               changedNs == other.changedNs && inode == other.inode;
    }
};

// The metadata read from each script of a project, remembered by path and FileStamp, so
// that listing a large history costs one stat per script instead of an open, a read and a
// close (on this kind of machine, system calls are most of the time of `retort heads`).
// Kept in $XDG_CACHE_HOME/retort (~/.cache/retort), never inside the project. A missing,
// damaged or outdated cache is rebuilt; RETORT_NO_CACHE=1 turns it off.
class ScriptCache
{
public:
    explicit ScriptCache(const QString& configPath);

    bool isEnabled() const { return !m_file.isEmpty(); }
    // Safe to call from several threads at once (nothing is stored meanwhile).
    std::optional<Revision> lookup(const QString& path, const FileStamp& stamp) const;
    // Remembers what was read from `path`. Files changed in the last few seconds are left
    // out: a second write within the file system's timestamp resolution could go unseen.
    void store(const QString& path, const FileStamp& stamp, const Revision& revision);
    // Writes the cache, keeping only `paths`, when anything changed. Failures are ignored.
    void save(const QStringList& paths);

private:
    struct Entry
    {
        FileStamp stamp;
        int offset = -1;              // where its fields start in m_data; -1: in m_fresh
        std::optional<Revision> fresh; // read this run
    };

    void load();
    Revision decode(int offset) const;

    QString m_file;
    QByteArray m_data; // the cache file as read
    QHash<QString, Entry> m_entries;
    bool m_changed = false;
};

} // namespace retort
