// SPDX-License-Identifier: Apache-2.0
#include "scripts/scriptdirectory.h"

#include "scripts/alembicscript.h"
#include "common/error.h"
#include "scripts/nativescript.h"
#include "scripts/scriptcache.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <thread>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

namespace retort {

namespace {

// `name` as the file system gives it (the tests are on ASCII, so bytes do).
bool isScriptName(const QByteArray& name, ScriptFormat format)
{
    if (format == ScriptFormat::Native)
        return name.endsWith(".sql") && !name.startsWith('.');
    return name.endsWith(".py") && !name.startsWith(".#") && !name.startsWith("__init__");
}

// A folder as the file system knows it: links to it share its device and inode.
struct FolderId
{
    dev_t device;
    ino_t inode;
    bool operator==(const FolderId& other) const
    {
        return device == other.device && inode == other.inode;
    }
};

size_t qHash(const FolderId& id, size_t seed = 0)
{
    return qHashMulti(seed, quint64(id.device), quint64(id.inode));
}

// The folders a listing has entered: those on the current path (a loop when met again) and
// all so far (a folder reached twice through links is listed once).
struct FolderWalk
{
    QString configPath;
    QVector<QPair<FolderId, QString>> path;
    QSet<FolderId> seen;
};

// Lists a folder with readdir(): one getdents call per batch of names, no stat per file
// unless the file system does not report entry types. Listing 10,000 scripts matters.
void listFolder(const QString& folder, ScriptFormat format, bool recursive, QStringList& out,
                FolderWalk& walk)
{
    const QByteArray nativeFolder = QFile::encodeName(folder);
    struct stat self{};
    if (::stat(nativeFolder.constData(), &self) != 0)
        return;
    const FolderId id{self.st_dev, self.st_ino};
    for (const auto& [ancestor, name] : std::as_const(walk.path)) {
        if (ancestor == id) {
            throw Error(ErrorKind::Config,
                        QStringLiteral("%1: recursive_version_locations: %2 leads back to %3 "
                                       "(a symbolic link loop); remove the link or turn "
                                       "recursion off")
                            .arg(walk.configPath, folder, name));
        }
    }
    if (walk.seen.contains(id))
        return;
    walk.seen.insert(id);
    DIR* dir = ::opendir(nativeFolder.constData());
    if (!dir)
        return;
    QList<QByteArray> files, folders;
    while (const dirent* entry = ::readdir(dir)) {
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN || type == DT_LNK) {
            struct stat info{};
            const QByteArray path = nativeFolder + '/' + entry->d_name;
            if (::stat(path.constData(), &info) != 0)
                continue;
            type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        const QByteArray name(entry->d_name);
        if (type == DT_REG && isScriptName(name, format))
            files << name;
        else if (type == DT_DIR && name != "." && name != ".." && name != "__pycache__")
            folders << name;
    }
    ::closedir(dir);
    // Sorted as bytes: UTF-8's byte order is code point order, as Python's sorted() (UTF-16
    // code units, as QString compares, differ above U+FFFF), and comparing bytes is several
    // times cheaper (sorting 10,000 QStrings was 14% of `retort heads`).
    const auto byBytes = [](const QByteArray& a, const QByteArray& b) {
        return std::strcmp(a.constData(), b.constData()) < 0; // names hold no NUL
    };
    std::sort(files.begin(), files.end(), byBytes);
    const QString prefix = folder + u'/';
    for (const QByteArray& name : std::as_const(files))
        out << prefix + QFile::decodeName(name);
    if (!recursive)
        return;
    std::sort(folders.begin(), folders.end(), byBytes);
    walk.path.append({id, folder});
    for (const QByteArray& name : std::as_const(folders))
        listFolder(prefix + QFile::decodeName(name), format, recursive, out, walk);
    walk.path.removeLast();
}

} // namespace

QStringList ScriptDirectory::scriptFiles(const ScriptLocations& locations)
{
    QStringList files;
    FolderWalk walk{locations.configPath, {}, {}};
    for (const QString& location : locations.versionLocations) {
        if (!QFileInfo(location).isDir()) {
            throw Error(ErrorKind::Config, QCoreApplication::translate("ScriptDirectory", "%1: version location %2 is not a folder")
                                               .arg(locations.configPath, location));
        }
        listFolder(location, locations.format, locations.recursive, files, walk);
    }
    if (locations.versionLocations.size() < 2 && !locations.recursive)
        return files; // nothing can be reached twice
    // A file reached through two locations is read once, as Alembic does.
    QSet<QString> seen;
    QStringList unique;
    for (const QString& file : std::as_const(files)) {
        const QString real = QFileInfo(file).canonicalFilePath();
        if (!seen.contains(real)) {
            seen.insert(real);
            unique << file;
        }
    }
    return unique;
}

namespace {

// Reads a whole file relative to an open folder (AT_FDCWD for a plain path). Syscalls are
// what reading many small files costs: openat() with the folder open resolves one path
// component instead of all of them, and a short read of a regular file means its end, so a
// typical script takes one open, one read and one close.
QByteArray readBytesAt(int folder, const QByteArray& name, const QString& pathForMessages)
{
    auto failure = [&](int error) {
        return Error(ErrorKind::Script, QCoreApplication::translate("ScriptDirectory", "%1: cannot read: %2")
                                            .arg(pathForMessages,
                                                 QString::fromLocal8Bit(std::strerror(error))));
    };
    const int fd = ::openat(folder, name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw failure(errno);
    QByteArray bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            throw failure(error);
        }
        bytes.append(buffer, got);
        if (got < ssize_t(sizeof buffer))
            break;
    }
    ::close(fd);
    return bytes;
}

QString readFileAt(int folder, const QByteArray& name, const QString& pathForMessages)
{
    return ScriptDirectory::decode(readBytesAt(folder, name, pathForMessages), pathForMessages);
}

// The offset of the first byte that does not belong to a valid UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included), or -1.
qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size;) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xbf; // the range of the second byte
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : 0x80;
            high = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return i;
        }
        if (i + length > size || data[i + 1] < low || data[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if ((data[i + k] & 0xc0) != 0x80)
                return i;
        }
        i += length;
    }
    return -1;
}

// Keeps the folder of the files being read open, reopening it when the folder changes.
class FolderHandle
{
public:
    FolderHandle() = default;
    FolderHandle(const FolderHandle&) = delete;
    FolderHandle& operator=(const FolderHandle&) = delete;
    ~FolderHandle()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    QString read(const QString& path)
    {
        const QByteArray name = enter(path);
        return readFileAt(m_fd, name, path);
    }

    // The file's identity; unknown when it cannot be had.
    FileStamp stamp(const QString& path)
    {
        const QByteArray name = enter(path);
        struct stat info{};
        if (::fstatat(m_fd, name.constData(), &info, 0) != 0)
            return {};
        auto nanoseconds = [](const timespec& t) { return qint64(t.tv_sec) * 1'000'000'000LL + t.tv_nsec; };
        return {qint64(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim),
                quint64(info.st_ino)};
    }

private:
    // Opens the folder of `path` unless it is the open one; returns the name to use with m_fd.
    QByteArray enter(const QString& path)
    {
        const int slash = int(path.lastIndexOf(u'/'));
        const QStringView folder = QStringView(path).left(slash);
        if (m_fd == -1 || folder != m_folder) {
            if (m_fd >= 0)
                ::close(m_fd);
            m_folder = folder.toString();
            m_fd = ::open(QFile::encodeName(m_folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (m_fd < 0)
                m_fd = AT_FDCWD; // fall back to the whole path
        }
        return QFile::encodeName(m_fd == AT_FDCWD ? path : path.mid(slash + 1));
    }

    int m_fd = -1;
    QString m_folder;
};

} // namespace

QString ScriptDirectory::decode(const QByteArray& bytes, const QString& pathForMessages)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder(bytes);
    if (!decoder.hasError())
        return text;
    const qsizetype bad = std::max<qsizetype>(firstInvalidUtf8(bytes), 0);
    const qsizetype lineStart = bytes.lastIndexOf('\n', bad - 1) + 1;
    throw Error(ErrorKind::Script,
                QCoreApplication::translate("ScriptDirectory",
                                            "%1:%2: byte 0x%3 (column %4) is not valid UTF-8: "
                                            "save the script as UTF-8")
                    .arg(pathForMessages)
                    .arg(bytes.left(bad).count('\n') + 1)
                    .arg(uint(quint8(bytes.at(bad))), 2, 16, QLatin1Char('0'))
                    .arg(bad - lineStart + 1));
}

QString ScriptDirectory::readText(const QString& path)
{
    return readFileAt(AT_FDCWD, QFile::encodeName(path), path);
}

QByteArray ScriptDirectory::readBytes(const QString& path)
{
    return readBytesAt(AT_FDCWD, QFile::encodeName(path), path);
}

QVector<Revision> ScriptDirectory::readRevisions(const ScriptLocations& locations, int coresInUse)
{
    const QStringList files = scriptFiles(locations);
    const int count = int(files.size());
    QVector<Revision> revisions(count);
    QVector<QString> problems(count);
    ScriptCache cache(locations.configPath);
    QVector<FileStamp> freshlyRead(count); // stamps of the files read (not cached) this time
    auto readRange = [&](int begin, int end) {
        FolderHandle folder;
        for (int i = begin; i < end; ++i) {
            try {
                FileStamp stamp;
                if (cache.isEnabled()) {
                    stamp = folder.stamp(files[i]);
                    if (std::optional<Revision> known = cache.lookup(files[i], stamp)) {
                        revisions[i] = std::move(*known);
                        continue;
                    }
                }
                const QString text = folder.read(files[i]);
                revisions[i] = locations.format == ScriptFormat::Native
                                   ? NativeScript::readHeader(text, files[i])
                                   : AlembicScript::read(text, files[i]);
                freshlyRead[i] = stamp;
            } catch (const Error& error) {
                problems[i] = error.message();
            }
        }
    };
    // Reading is mostly waiting for system calls: spread large projects over the cores.
    const int cores = int(std::thread::hardware_concurrency()) - coresInUse;
    const int threads = count < 500 ? 1 : std::clamp(cores, 1, 8);
    std::vector<std::thread> workers;
    const int chunk = (count + threads - 1) / threads;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(readRange, std::min(count, t * chunk), std::min(count, (t + 1) * chunk));
    readRange(0, std::min(count, chunk));
    for (std::thread& worker : workers)
        worker.join();
    for (int i = 0; i < count; ++i) {
        if (freshlyRead[i].isKnown())
            cache.store(files[i], freshlyRead[i], revisions[i]);
    }
    cache.save(files);

    QStringList unreadable;
    for (const QString& problem : std::as_const(problems)) {
        if (!problem.isEmpty())
            unreadable << problem;
    }
    if (!unreadable.isEmpty())
        throw Error(ErrorKind::Script, unreadable.join(u'\n'));
    return revisions;
}

} // namespace retort
