// SPDX-License-Identifier: Apache-2.0
#include "schema/modelcache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstring>
#include <tuple>
#include <type_traits>

namespace retort {

namespace {

constexpr char kMagic[4] = {'R', 'T', 'M', 'C'};
constexpr quint32 kFormat = 1;
constexpr int kKeptFiles = 64;
constexpr quint32 kMaxItems = 1u << 24; // a damaged count must not allocate the world

// ---- Schema <-> bytes, field by field through each struct's members() (schema.h) ---------

template <typename T> struct IsList : std::false_type
{
};
template <typename T> struct IsList<QList<T>> : std::true_type
{
    using Item = T;
};

template <typename T> struct TupleSignature;

// A text naming the layout of T: a cache written for another layout is never read.
template <typename T> QString signature()
{
    if constexpr (std::is_same_v<T, QString>)
        return QStringLiteral("s");
    else if constexpr (std::is_same_v<T, bool>)
        return QStringLiteral("b");
    else if constexpr (std::is_same_v<T, qint64>)
        return QStringLiteral("l");
    else if constexpr (std::is_enum_v<T>)
        return QStringLiteral("e");
    else if constexpr (IsList<T>::value)
        return u'[' + signature<typename IsList<T>::Item>() + u']';
    else
        return u'{' +
               TupleSignature<decltype(std::declval<const T&>().members())>::get() + u'}';
}

template <typename... Fields> struct TupleSignature<std::tuple<Fields...>>
{
    static QString get() { return (QString() + ... + signature<std::decay_t<Fields>>()); }
};

template <typename T> void put(QDataStream& out, const T& value)
{
    if constexpr (std::is_same_v<T, QString> || std::is_same_v<T, bool> ||
                  std::is_same_v<T, qint64>) {
        out << value;
    } else if constexpr (std::is_enum_v<T>) {
        out << qint32(value);
    } else if constexpr (IsList<T>::value) {
        out << quint32(value.size());
        for (const auto& item : value)
            put(out, item);
    } else {
        std::apply([&](const auto&... fields) { (put(out, fields), ...); }, value.members());
    }
}

template <typename T> void get(QDataStream& in, T& value)
{
    if (in.status() != QDataStream::Ok)
        return;
    if constexpr (std::is_same_v<T, QString> || std::is_same_v<T, bool> ||
                  std::is_same_v<T, qint64>) {
        in >> value;
    } else if constexpr (std::is_enum_v<T>) {
        qint32 number = 0;
        in >> number;
        value = T(number);
    } else if constexpr (IsList<T>::value) {
        quint32 count = 0;
        in >> count;
        if (count > kMaxItems) {
            in.setStatus(QDataStream::ReadCorruptData);
            return;
        }
        value.resize(qsizetype(count));
        for (auto& item : value)
            get(in, item);
    } else {
        // members() ties const references to the fields of `value`, which is not const.
        std::apply(
            [&](const auto&... fields) {
                (get(in, const_cast<std::decay_t<decltype(fields)>&>(fields)), ...);
            },
            value.members());
    }
}

// The Retort build: a new one may read schemas differently.
QString buildStamp()
{
    if (!QCoreApplication::instance())
        return {};
    const QFileInfo binary(QCoreApplication::applicationFilePath());
    return QStringLiteral("%1 %2 %3")
        .arg(binary.absoluteFilePath())
        .arg(binary.size())
        .arg(binary.lastModified().toMSecsSinceEpoch());
}

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace

ModelCache::ModelCache()
{
    if (qEnvironmentVariableIntValue("RETORT_NO_CACHE") != 0)
        return;
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (!cache.isEmpty())
        m_folder = cache + QStringLiteral("/retort/models");
}

QByteArray ModelCache::key(const QString& modelText, Dialect dialect,
                           const QString& serverVersion, const SchemaReadOptions& options)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto field = [&](const QString& text) {
        const QByteArray utf8 = text.toUtf8();
        hash.addData(QByteArray(QByteArray::number(utf8.size()) + ':'));
        hash.addData(utf8);
    };
    field(QString::number(kFormat));
    field(signature<Schema>());
    field(buildStamp());
    field(dialectName(dialect));
    field(serverVersion);
    field(options.schemaName);
    field(options.excludedTables.join(u'\n'));
    field(modelText);
    return hash.result();
}

QByteArray ModelCache::encode(const Schema& schema)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    put(out, schema);
    return bytes;
}

std::optional<Schema> ModelCache::decode(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    Schema schema;
    get(in, schema);
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return schema;
}

QString ModelCache::fileFor(const QByteArray& key) const
{
    return m_folder + u'/' + QString::fromLatin1(key.toHex()) + QStringLiteral(".bin");
}

std::optional<Schema> ModelCache::lookup(const QByteArray& key) const
{
    if (!isEnabled())
        return std::nullopt;
    QFile file(fileFor(key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray data = file.readAll();
    // magic, format, key, payload, SHA-256 of the payload
    const qsizetype header = 4 + 4 + key.size();
    if (data.size() < header + 32 || !data.startsWith(QByteArray(kMagic, 4)))
        return std::nullopt;
    quint32 format = 0;
    std::memcpy(&format, data.constData() + 4, 4);
    const QByteArray payload = data.mid(header, data.size() - header - 32);
    if (format != kFormat || data.mid(8, key.size()) != key || sha256(payload) != data.right(32))
        return std::nullopt;
    std::optional<Schema> schema = decode(payload);
    if (!schema)
        QFile::remove(file.fileName());
    return schema;
}

void ModelCache::store(const QByteArray& key, const Schema& schema) const
{
    if (!isEnabled() || !QDir().mkpath(m_folder))
        return;
    QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray payload = encode(schema);
    QSaveFile file(fileFor(key));
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const quint32 format = kFormat;
    file.write(kMagic, 4);
    file.write(reinterpret_cast<const char*>(&format), 4);
    file.write(key);
    file.write(payload);
    file.write(sha256(payload));
    if (file.commit())
        prune();
}

void ModelCache::prune() const
{
    const QFileInfoList files =
        QDir(m_folder).entryInfoList({QStringLiteral("*.bin")}, QDir::Files, QDir::Time);
    for (qsizetype i = kKeptFiles; i < files.size(); ++i)
        QFile::remove(files.at(i).absoluteFilePath());
}

} // namespace retort
