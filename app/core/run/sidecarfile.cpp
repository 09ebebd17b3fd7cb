// SPDX-License-Identifier: Apache-2.0
#include "run/sidecarfile.h"

#include "common/error.h"
#include "common/singleline.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retort {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("retort::SidecarFile", text);
}

[[noreturn]] void refuse(const QString& path, const QString& why)
{
    throw Error(ErrorKind::Database,
                tr("%1 %2: Retort does not write through it. Remove it (someone who can write "
                   "the database's folder may have put it there) and run again")
                    .arg(singleLine(path), why));
}

// Why the open file `fd` must not be used, or "" when it is a regular file with one link.
QString problemOf(int fd)
{
    struct stat info{};
    if (::fstat(fd, &info) != 0)
        return tr("cannot be examined");
    if (!S_ISREG(info.st_mode))
        return tr("is not a regular file");
    if (info.st_nlink != 1)
        return tr("has other hard links");
    return {};
}

// open() without following a link in the last component; ELOOP names that link.
int openNoFollow(const QString& path, int flags)
{
    const QByteArray native = QFile::encodeName(path);
    int fd = -1;
    do {
        fd = ::open(native.constData(), flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0 && errno == ELOOP)
        refuse(path, tr("is a symbolic link"));
    return fd;
}

bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

bool SidecarFile::write(const QString& path, const QByteArray& bytes)
{
    // No O_TRUNC: a file that turns out to be a hard link to something else stays untouched.
    const int fd = openNoFollow(path, O_WRONLY | O_CREAT);
    if (fd < 0)
        return false; // ENXIO: a FIFO nobody reads; EACCES, EROFS: nothing to write to
    const QString problem = problemOf(fd);
    if (!problem.isEmpty()) {
        ::close(fd);
        refuse(path, problem);
    }
    const bool written = ::ftruncate(fd, 0) == 0 && writeAll(fd, bytes);
    ::close(fd);
    return written;
}

SidecarFile::Created SidecarFile::create(const QString& path, const QByteArray& bytes)
{
    const int fd = openNoFollow(path, O_WRONLY | O_CREAT | O_EXCL);
    if (fd < 0) {
        const int error = errno;
        struct stat info{};
        if (error == EEXIST && ::lstat(QFile::encodeName(path).constData(), &info) == 0) {
            if (S_ISLNK(info.st_mode))
                refuse(path, tr("is a symbolic link"));
            if (!S_ISREG(info.st_mode))
                refuse(path, tr("is not a regular file"));
            return Created::AlreadyThere;
        }
        return Created::Failed;
    }
    const bool written = writeAll(fd, bytes);
    ::close(fd);
    if (!written) {
        ::unlink(QFile::encodeName(path).constData());
        return Created::Failed;
    }
    return Created::New;
}

std::optional<QByteArray> SidecarFile::read(const QString& path, qsizetype limit)
{
    int fd = -1;
    try {
        fd = openNoFollow(path, O_RDONLY);
    } catch (const Error&) {
        return std::nullopt; // a link: not ours to read
    }
    if (fd < 0)
        return std::nullopt;
    std::optional<QByteArray> result;
    if (problemOf(fd).isEmpty()) {
        QByteArray bytes(limit, Qt::Uninitialized);
        qsizetype got = 0;
        while (got < limit) {
            const ssize_t n = ::read(fd, bytes.data() + got, size_t(limit - got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += n;
        }
        bytes.truncate(got);
        result = bytes;
    }
    ::close(fd);
    return result;
}

} // namespace retort
