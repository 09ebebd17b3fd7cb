// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace retort {

// The small files a run keeps next to a SQLite database (<db>.retort-lock, <db>.retort-journal).
// The database's folder may be writable by other users, who could put a symbolic link, a hard
// link, a FIFO or a device there under the expected name to make a run (perhaps as root)
// overwrite another file or hang. So these files are opened without following links
// (O_NOFOLLOW) and without blocking, only a regular file with a single link is written or read,
// and new ones are made with mode 0600 (O_EXCL where a file must be new).
class SidecarFile
{
public:
    enum class Created { New, AlreadyThere, Failed };

    // Replaces the content of `path` with `bytes`, creating the file when there is none.
    // Returns false when it cannot be opened or written (no permission, read-only folder: the
    // caller decides whether that matters). Throws Error(Database) naming the path when it is
    // a symbolic link, not a regular file, or has other hard links.
    static bool write(const QString& path, const QByteArray& bytes);
    // Makes `path` with `bytes` when there is no such file; AlreadyThere when there is one
    // that is a regular file; Failed when it cannot be made or written (a half-written new
    // file is removed). Throws like write() for a link or a file that is not regular.
    static Created create(const QString& path, const QByteArray& bytes);
    // At most `limit` bytes of `path`; nothing when it is missing, unreadable, a link or not a
    // regular file. Never blocks (a FIFO under the name is not opened for reading).
    static std::optional<QByteArray> read(const QString& path, qsizetype limit = 4096);
};

} // namespace retort
