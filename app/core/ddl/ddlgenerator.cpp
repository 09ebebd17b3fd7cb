// SPDX-License-Identifier: Apache-2.0
#include "ddl/ddlgenerator.h"

#include "common/error.h"
#include "common/singleline.h"
#include "ddl/postgresddlbuilder.h"
#include "ddl/sqliteddlbuilder.h"

#include <algorithm>
#include <memory>

namespace retort {

namespace {

const QLatin1String kDestructive("retort: destructive:");

} // namespace

QString DdlStatement::toText() const
{
    QString text;
    for (const QString& comment : comments)
        text += QStringLiteral("-- ") + singleLine(comment) + u'\n'; // names may hold anything
    return text + sql + u';';
}

bool DdlStatement::isDestructive() const
{
    return std::any_of(comments.cbegin(), comments.cend(),
                       [](const QString& comment) { return comment.startsWith(kDestructive); });
}

QJsonObject DdlStatement::toJson() const
{
    QJsonObject o{{QStringLiteral("sql"), sql}, {QStringLiteral("destructive"), isDestructive()}};
    if (!comments.isEmpty())
        o.insert(QStringLiteral("comments"), QJsonArray::fromStringList(comments));
    return o;
}

DdlGenerator::DdlGenerator(Dialect dialect, DdlOptions options)
    : m_dialect(dialect), m_options(std::move(options))
{
    if (dialect != Dialect::Sqlite && dialect != Dialect::PostgreSql)
        throw Error(ErrorKind::Usage,
                    QStringLiteral("DDL generation is not available for %1 yet (SQLite and "
                                   "PostgreSQL only)")
                        .arg(dialectName(dialect)));
}

QVector<DdlStatement> DdlGenerator::generate(const Schema& from, const Schema& to) const
{
    const DdlWriter writer(m_dialect,
                           m_dialect == Dialect::PostgreSql ? m_options.defaultSchema : QString());
    std::unique_ptr<DdlBuilder> builder;
    if (m_dialect == Dialect::Sqlite)
        builder = std::make_unique<SqliteDdlBuilder>(writer, from, to);
    else
        builder = std::make_unique<PostgresDdlBuilder>(writer, from, to);
    return builder->build();
}

QString DdlGenerator::render(const QVector<DdlStatement>& statements)
{
    QStringList parts;
    for (const DdlStatement& statement : statements)
        parts.append(statement.toText());
    return parts.isEmpty() ? QString() : parts.join(QStringLiteral("\n\n")) + u'\n';
}

QJsonArray DdlGenerator::toJson(const QVector<DdlStatement>& statements)
{
    QJsonArray array;
    for (const DdlStatement& statement : statements)
        array.append(statement.toJson());
    return array;
}

} // namespace retort
