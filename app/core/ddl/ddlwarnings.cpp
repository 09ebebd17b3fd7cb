// SPDX-License-Identifier: Apache-2.0
#include "ddl/ddlwarnings.h"

#include "ddl/ddlwriter.h"

namespace retort {

namespace {

// What the lint knows of `tables`: lowercase names and types.
LintSchema lintSchema(const QVector<Table>& tables)
{
    LintSchema schema;
    for (const Table& table : tables) {
        LintTable& lintTable = schema.editTable(table.name.toLower());
        for (const Column& column : table.columns)
            lintTable.columns.insert(column.name.toLower(),
                                     {column.type.toLower(), !column.nullable, false});
    }
    return schema;
}

} // namespace

DdlWarnings::DdlWarnings(Dialect dialect, const Schema& from)
    : m_lint(dialect, lintSchema(from.tables))
{
}

QString DdlWarnings::comment(const LintIssue& issue)
{
    return QStringLiteral("retort: destructive: ") + issue.code + u' ' + issue.message;
}

QStringList DdlWarnings::destructive(const QVector<LintIssue>& issues)
{
    QStringList comments;
    for (const LintIssue& issue : issues) {
        if (issue.code.startsWith(QLatin1String("RT1")))
            comments.append(comment(issue));
    }
    return comments;
}

QStringList DdlWarnings::check(const QString& statement)
{
    return destructive(m_lint.check(statement));
}

QStringList DdlWarnings::rebuild(const Table& from, const Table& to)
{
    SqlLint lint(Dialect::PostgreSql, lintSchema({from}));
    const QString alter = QStringLiteral("ALTER TABLE ") + DdlWriter::quote(from.name);
    QStringList comments;
    for (const Column& column : from.columns) {
        const Column* kept = to.column(column.name);
        const QString name = DdlWriter::quote(column.name);
        if (!kept)
            comments += destructive(lint.check(alter + QStringLiteral(" DROP COLUMN ") + name));
        else if (kept->type.compare(column.type, Qt::CaseInsensitive) != 0)
            comments += destructive(lint.check(alter + QStringLiteral(" ALTER COLUMN ") + name +
                                               QStringLiteral(" TYPE ") + kept->type));
    }
    return comments;
}

} // namespace retort
