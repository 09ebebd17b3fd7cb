// SPDX-License-Identifier: Apache-2.0
#include "scripts/scriptcache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstring>

namespace retort {

namespace {

// Layout: magic, version, count, then per entry: path, stamp (4 x 8 bytes), format and
// transactional (1 byte each), then id, parents, labels, dependencies, message, date.
// Strings are a 4-byte length and UTF-8; lists are joined with '\n' (ids hold no spaces).
constexpr char kMagic[4] = {'R', 'T', 'S', 'C'};
// 3: revision ids follow stricter rules (no '/', '..', control characters); entries of
// older versions were checked by the old rules and are read again.
constexpr quint32 kVersion = 3;
constexpr qint64 kRacyWindowNs = 3'000'000'000LL;

class Writer
{
public:
    void u32(quint32 value) { raw(&value, sizeof value); }
    void i64(qint64 value) { raw(&value, sizeof value); }
    void u8(quint8 value) { raw(&value, 1); }
    void text(const QString& value)
    {
        const QByteArray utf8 = value.toUtf8();
        u32(quint32(utf8.size()));
        m_out.append(utf8);
    }
    const QByteArray& bytes() const { return m_out; }

private:
    void raw(const void* data, size_t size) { m_out.append(static_cast<const char*>(data), qsizetype(size)); }
    QByteArray m_out;
};

// Reads what Writer wrote; any overrun marks the reader failed instead of reading past the end.
class Reader
{
public:
    Reader(const QByteArray& data, int offset) : m_data(data), m_at(offset) {}
    bool failed() const { return m_failed; }
    int offset() const { return m_at; }
    quint32 u32() { quint32 v = 0; raw(&v, sizeof v); return v; }
    qint64 i64() { qint64 v = 0; raw(&v, sizeof v); return v; }
    quint8 u8() { quint8 v = 0; raw(&v, 1); return v; }
    QString text()
    {
        const quint32 size = u32();
        if (m_failed || size > quint32(m_data.size() - m_at)) {
            m_failed = true;
            return {};
        }
        const QString value = QString::fromUtf8(m_data.constData() + m_at, qsizetype(size));
        m_at += int(size);
        return value;
    }
    void skipText()
    {
        const quint32 size = u32();
        if (m_failed || size > quint32(m_data.size() - m_at))
            m_failed = true;
        else
            m_at += int(size);
    }
    QStringList list() { const QString joined = text(); return joined.isEmpty() ? QStringList() : joined.split(u'\n'); }

private:
    void raw(void* out, size_t size)
    {
        if (m_failed || size > size_t(m_data.size() - m_at)) {
            m_failed = true;
            return;
        }
        std::memcpy(out, m_data.constData() + m_at, size);
        m_at += int(size);
    }
    const QByteArray& m_data;
    int m_at;
    bool m_failed = false;
};

void writeRevision(Writer& out, const Revision& r)
{
    out.u8(quint8(r.format));
    out.u8(r.transactional ? 1 : 0);
    out.text(r.id);
    out.text(r.downRevisions.join(u'\n'));
    out.text(r.branchLabels.join(u'\n'));
    out.text(r.dependsOn.join(u'\n'));
    out.text(r.message);
    out.text(r.createDate);
}

} // namespace

ScriptCache::ScriptCache(const QString& configPath)
{
    if (qEnvironmentVariableIntValue("RETORT_NO_CACHE") != 0)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (folder.isEmpty())
        return;
    const QByteArray key =
        QCryptographicHash::hash(QDir::cleanPath(configPath).toUtf8(), QCryptographicHash::Sha1).toHex();
    m_file = folder + QStringLiteral("/retort/scripts-") + QString::fromLatin1(key) + QStringLiteral(".bin");
    load();
}

void ScriptCache::load()
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return;
    m_data = file.readAll();
    if (m_data.size() < 12 || std::memcmp(m_data.constData(), kMagic, 4) != 0)
        return;
    Reader in(m_data, 4);
    if (in.u32() != kVersion)
        return;
    const quint32 count = in.u32();
    m_entries.reserve(qsizetype(qMin<quint32>(count, 1u << 20)));
    for (quint32 i = 0; i < count && !in.failed(); ++i) {
        const QString path = in.text();
        Entry entry;
        entry.stamp = {in.i64(), in.i64(), in.i64(), quint64(in.i64())};
        entry.offset = in.offset();
        in.u8();
        in.u8();
        for (int field = 0; field < 6; ++field)
            in.skipText();
        if (!in.failed())
            m_entries.insert(path, entry);
    }
    if (in.failed())
        m_entries.clear(); // damaged: start over
}

Revision ScriptCache::decode(int offset) const
{
    Reader in(m_data, offset);
    Revision r;
    r.format = ScriptFormat(in.u8());
    r.transactional = in.u8() != 0;
    r.id = in.text();
    r.downRevisions = in.list();
    r.branchLabels = in.list();
    r.dependsOn = in.list();
    r.message = in.text();
    r.createDate = in.text();
    return r;
}

std::optional<Revision> ScriptCache::lookup(const QString& path, const FileStamp& stamp) const
{
    const auto entry = m_entries.constFind(path);
    if (entry == m_entries.constEnd() || !stamp.isKnown() || !(entry->stamp == stamp))
        return std::nullopt;
    Revision revision = entry->fresh ? *entry->fresh : decode(entry->offset);
    revision.path = path;
    return revision;
}

void ScriptCache::store(const QString& path, const FileStamp& stamp, const Revision& revision)
{
    if (!isEnabled() || !stamp.isKnown())
        return;
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000LL;
    if (nowNs - stamp.modifiedNs < kRacyWindowNs || nowNs - stamp.changedNs < kRacyWindowNs) {
        m_changed |= m_entries.remove(path) > 0;
        return;
    }
    m_entries.insert(path, Entry{stamp, -1, revision});
    m_changed = true;
}

void ScriptCache::save(const QStringList& paths)
{
    if (!isEnabled())
        return;
    if (m_entries.size() != paths.size())
        m_changed = true; // files went away
    if (!m_changed || !QDir().mkpath(QFileInfo(m_file).absolutePath()))
        return;
    Writer out;
    quint32 count = 0;
    for (const QString& path : paths)
        count += m_entries.contains(path) ? 1 : 0;
    QByteArray header(kMagic, 4);
    Writer body;
    for (const QString& path : paths) {
        const auto entry = m_entries.constFind(path);
        if (entry == m_entries.constEnd())
            continue;
        body.text(path);
        body.i64(entry->stamp.size);
        body.i64(entry->stamp.modifiedNs);
        body.i64(entry->stamp.changedNs);
        body.i64(qint64(entry->stamp.inode));
        writeRevision(body, entry->fresh ? *entry->fresh : decode(entry->offset));
    }
    out.u32(kVersion);
    out.u32(count);
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(header);
    file.write(out.bytes());
    file.write(body.bytes());
    if (file.commit())
        m_changed = false;
}

} // namespace retort
