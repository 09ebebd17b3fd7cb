// SPDX-License-Identifier: Apache-2.0
#include "schema/schemasource.h"

#include "common/error.h"

namespace retort {

SchemaSource SchemaSource::parse(const QString& text)
{
    if (text == QLatin1String("model"))
        return {Kind::Model, {}};
    if (text == QLatin1String("db"))
        return {Kind::Database, {}};
    if (text.startsWith(QLatin1String("rev:")) && text.size() > 4)
        return {Kind::Revision, text.mid(4)};
    throw Error(ErrorKind::Usage,
                QStringLiteral("unknown schema '%1' (expected model, db or rev:REVISION)").arg(text));
}

QString SchemaSource::describe() const
{
    switch (kind) {
    case Kind::Model:
        return QStringLiteral("the model");
    case Kind::Database:
        return QStringLiteral("the database");
    case Kind::Revision:
        return QStringLiteral("the scripts at ") + revision;
    }
    return {};
}

} // namespace retort
