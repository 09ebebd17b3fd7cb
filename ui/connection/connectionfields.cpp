// SPDX-License-Identifier: Apache-2.0
#include "connection/connectionfields.h"

#include "common/error.h"

#include <QUrl>

namespace retort::ui {

namespace {

const QLatin1String kMemory(":memory:");

QString encode(const QString& text, const QByteArray& keep = QByteArray())
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, keep));
}

QString authority(const ConnectionFields& fields, bool withPassword)
{
    QString out;
    const bool password = withPassword && !fields.password.isEmpty();
    if (!fields.userName.isEmpty() || password) {
        out += encode(fields.userName);
        if (password)
            out += u':' + encode(fields.password);
        out += u'@';
    }
    // PostgreSQL's socket directory is written as ?host=/dir (see query()).
    if (!fields.host.startsWith(u'/'))
        out += fields.host.contains(u':') ? u'[' + encode(fields.host, ":") + u']'
                                          : encode(fields.host);
    if (fields.port >= 0)
        out += u':' + QString::number(fields.port);
    return out;
}

QString query(const ConnectionFields& fields)
{
    QStringList items;
    for (const auto& [name, value] : fields.options)
        items.append(encode(name) + u'=' + encode(value, "/:"));
    if (fields.dialect != Dialect::Sqlite && fields.host.startsWith(u'/'))
        items.append(QLatin1String("host=") + encode(fields.host, "/"));
    return items.isEmpty() ? QString() : u'?' + items.join(u'&');
}

QString urlOf(const ConnectionFields& fields, bool withPassword)
{
    QString out = (fields.scheme.isEmpty() ? dialectName(fields.dialect) : fields.scheme) +
                  QLatin1String("://");
    if (fields.dialect == Dialect::Sqlite) {
        if (!fields.inMemory)
            out += u'/' + encode(fields.path, "/:");
    } else {
        out += authority(fields, withPassword);
        if (!fields.database.isEmpty())
            out += u'/' + encode(fields.database);
    }
    return out + query(fields);
}

} // namespace

ConnectionFields ConnectionFields::fromUrl(const DatabaseUrl& url, const QString& text)
{
    ConnectionFields fields;
    fields.dialect = url.dialect();
    const qsizetype separator = text.indexOf(QLatin1String("://"));
    if (separator > 0)
        fields.scheme = text.left(separator).trimmed();
    if (url.dialect() == Dialect::Sqlite) {
        fields.inMemory = url.databaseName().isEmpty() || url.databaseName() == kMemory;
        fields.path = fields.inMemory ? QString() : url.databaseName();
    } else {
        fields.database = url.databaseName();
    }
    fields.host = url.host();
    fields.port = url.port();
    fields.userName = url.userName();
    fields.password = url.password();
    fields.options = url.queryItems();
    return fields;
}

QString ConnectionFields::stripPassword(const QString& text)
{
    try {
        return fromUrl(DatabaseUrl::parse(text), text).toUrlWithoutPassword();
    } catch (const Error&) {
        return {};
    }
}

QString ConnectionFields::withPassword(const QString& text, const QString& password)
{
    try {
        ConnectionFields fields = fromUrl(DatabaseUrl::parse(text), text);
        fields.password = password;
        return fields.toUrl();
    } catch (const Error&) {
        return text;
    }
}

int ConnectionFields::defaultPort(Dialect dialect)
{
    switch (dialect) {
    case Dialect::PostgreSql:
        return 5432;
    case Dialect::MySql:
        return 3306;
    case Dialect::Sqlite:
        break;
    }
    return -1;
}

QString ConnectionFields::maskedOrEmpty(const QString& text)
{
    try {
        return DatabaseUrl::parse(text).masked();
    } catch (const Error&) {
        return {};
    }
}

QString ConnectionFields::toUrl() const
{
    return urlOf(*this, true);
}

QString ConnectionFields::toUrlWithoutPassword() const
{
    return urlOf(*this, false);
}

QString ConnectionFields::option(const QString& name) const
{
    for (const auto& [key, value] : options) {
        if (key == name)
            return value;
    }
    return {};
}

void ConnectionFields::setOption(const QString& name, const QString& value)
{
    for (auto& item : options) {
        if (item.first == name) {
            item.second = value;
            return;
        }
    }
    options.append({name, value});
}

QString ConnectionFields::optionsText() const
{
    QStringList items;
    for (const auto& [name, value] : options)
        items.append(name + u'=' + value);
    return items.join(u'&');
}

void ConnectionFields::setOptionsText(const QString& text)
{
    options.clear();
    const QStringList items = text.split(u'&', Qt::SkipEmptyParts);
    for (const QString& item : items) {
        const qsizetype equals = item.indexOf(u'=');
        const QString name = (equals < 0 ? item : item.left(equals)).trimmed();
        if (!name.isEmpty())
            options.append({name, equals < 0 ? QString() : item.mid(equals + 1).trimmed()});
    }
}

} // namespace retort::ui
