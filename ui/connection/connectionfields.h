// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "database/databaseurl.h"

#include <QList>
#include <QPair>
#include <QString>

namespace retort::ui {

// A database URL taken apart the way the connection dialog edits it. toUrl() writes a URL
// that DatabaseUrl::parse() reads back into the same fields.
struct ConnectionFields
{
    Dialect dialect = Dialect::Sqlite;
    QString scheme; // as written, e.g. "postgresql+psycopg2"; empty: the dialect's own name
    QString path;   // SQLite: the file
    bool inMemory = false;
    QString host;
    int port = -1; // -1: the driver's default
    QString database;
    QString userName;
    QString password;
    QList<QPair<QString, QString>> options; // the URL's query, in order

    // `text` is the URL as written (for the scheme); `url` is what parse() made of it.
    static ConnectionFields fromUrl(const DatabaseUrl& url, const QString& text = QString());
    // The fields of `text` without its password; "" when it does not parse.
    static QString stripPassword(const QString& text);
    // `text` with `password` in it; `text` unchanged when it does not parse.
    static QString withPassword(const QString& text, const QString& password);
    static int defaultPort(Dialect dialect); // -1 for SQLite
    // `text` with its password masked, for showing; "" when it does not parse.
    static QString maskedOrEmpty(const QString& text);

    QString toUrl() const; // with the password: for connecting, never for showing or storing
    QString toUrlWithoutPassword() const;
    QString option(const QString& name) const;
    void setOption(const QString& name, const QString& value);
    // "name=value&name=value", as the options field shows the query.
    QString optionsText() const;
    void setOptionsText(const QString& text);
};

} // namespace retort::ui
