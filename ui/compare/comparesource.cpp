// SPDX-License-Identifier: Apache-2.0
#include "compare/comparesource.h"

#include <QCoreApplication>

namespace retort::ui {

Schema CompareSource::read(const SchemaReader& reader) const
{
    switch (kind) {
    case Kind::Database:
    case Kind::Connection:
        return reader.database();
    case Kind::Model:
        return reader.model();
    case Kind::Revision: {
        QStringList revisions = revision.split(u',', Qt::SkipEmptyParts);
        if (revisions == QStringList{QStringLiteral("base")})
            revisions.clear();
        return reader.scripts(revisions);
    }
    }
    return {};
}

QString CompareSource::readerUrl(const QString& databaseUrl) const
{
    return kind == Kind::Connection ? url : databaseUrl;
}

QString CompareSource::describe() const
{
    switch (kind) {
    case Kind::Database:
        return QCoreApplication::translate("retort::ui::CompareSource", "the database");
    case Kind::Model:
        return QCoreApplication::translate("retort::ui::CompareSource", "the model");
    case Kind::Revision:
        return QCoreApplication::translate("retort::ui::CompareSource", "the scripts at %1")
            .arg(revision);
    case Kind::Connection:
        return QCoreApplication::translate("retort::ui::CompareSource", "connection '%1'")
            .arg(profile);
    }
    return {};
}

QString CompareSource::scriptName() const
{
    switch (kind) {
    case Kind::Model:
        return QStringLiteral("the model");
    case Kind::Revision:
        return QStringLiteral("the scripts at ") + revision;
    case Kind::Database:
    case Kind::Connection:
        break;
    }
    return QStringLiteral("the database");
}

bool CompareSource::operator==(const CompareSource& other) const
{
    return kind == other.kind && revision == other.revision && profile == other.profile &&
           url == other.url;
}

} // namespace retort::ui
