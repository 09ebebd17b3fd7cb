// SPDX-License-Identifier: Apache-2.0
#include "scriptdirectory.h"

#include "alembicscript.h"
#include "error.h"
#include "nativescript.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace retort {

namespace {

bool isScriptName(const QString& name, ScriptFormat format)
{
    if (format == ScriptFormat::Native)
        return name.endsWith(QLatin1String(".sql")) && !name.startsWith(u'.');
    return name.endsWith(QLatin1String(".py")) && !name.startsWith(QLatin1String(".#")) &&
           !name.startsWith(QLatin1String("__init__"));
}

void listFolder(const QString& folder, ScriptFormat format, bool recursive, QStringList& out)
{
    QDir dir(folder);
    QStringList files = dir.entryList(QDir::Files | QDir::Hidden, QDir::NoSort);
    std::sort(files.begin(), files.end()); // code point order, as Python's sorted()
    for (const QString& name : std::as_const(files)) {
        if (isScriptName(name, format))
            out << dir.filePath(name);
    }
    if (!recursive)
        return;
    QStringList folders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::NoSort);
    std::sort(folders.begin(), folders.end());
    for (const QString& name : std::as_const(folders)) {
        if (name != QLatin1String("__pycache__"))
            listFolder(dir.filePath(name), format, recursive, out);
    }
}

} // namespace

QStringList ScriptDirectory::scriptFiles(const ProjectConfig& config)
{
    QStringList files;
    for (const QString& location : config.versionLocations) {
        if (!QFileInfo(location).isDir()) {
            throw Error(ErrorKind::Config, QStringLiteral("%1: version location %2 is not a folder")
                                               .arg(config.configPath, location));
        }
        listFolder(location, config.format, config.recursiveVersionLocations, files);
    }
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

QString ScriptDirectory::readText(const QString& path)
{
    // Plain POSIX reads: listing a 10,000-revision history reads 10,000 files.
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(ErrorKind::Script,
                    QStringLiteral("%1: cannot read: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    QByteArray bytes;
    char buffer[16384];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            throw Error(ErrorKind::Script, QStringLiteral("%1: cannot read: %2")
                                               .arg(path, QString::fromLocal8Bit(std::strerror(error))));
        }
        if (got == 0)
            break;
        bytes.append(buffer, got);
    }
    ::close(fd);
    return QString::fromUtf8(bytes);
}

QVector<Revision> ScriptDirectory::readRevisions(const ProjectConfig& config)
{
    const QStringList files = scriptFiles(config);
    QVector<Revision> revisions;
    revisions.reserve(files.size());
    QStringList problems;
    for (const QString& file : files) {
        try {
            const QString text = readText(file);
            revisions.append(config.format == ScriptFormat::Native
                                 ? NativeScript::readHeader(text, file)
                                 : AlembicScript::read(text, file));
        } catch (const Error& error) {
            problems << error.message();
        }
    }
    if (!problems.isEmpty())
        throw Error(ErrorKind::Script, problems.join(u'\n'));
    return revisions;
}

} // namespace retort
