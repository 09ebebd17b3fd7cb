// SPDX-License-Identifier: Apache-2.0
#include "ddl/sqlitetablerebuild.h"

#include "ddl/ddlwarnings.h"

#include <algorithm>

namespace retort {

namespace {

bool hasAutoIncrement(const Table& table)
{
    return std::any_of(table.columns.cbegin(), table.columns.cend(),
                       [](const Column& column) { return column.autoIncrement; });
}

} // namespace

SqliteTableRebuild::SqliteTableRebuild(const DdlWriter& writer, const Table& from, const Table& to)
    : m_writer(writer), m_from(from), m_to(to)
{
}

QString SqliteTableRebuild::temporaryName() const
{
    return QStringLiteral("_retort_new_") + m_to.name;
}

// The columns of the new shape that the old one has too; generated columns compute their own.
QStringList SqliteTableRebuild::copiedColumns() const
{
    QStringList columns;
    for (const Column& column : m_to.columns) {
        const Column* old = m_from.column(column.name);
        if (old && column.generated == GeneratedKind::None && old->generated == GeneratedKind::None)
            columns.append(column.name);
    }
    return columns;
}

bool SqliteTableRebuild::keepsAutoIncrementCounter() const
{
    return hasAutoIncrement(m_from) && hasAutoIncrement(m_to);
}

QVector<DdlStatement> SqliteTableRebuild::statements() const
{
    const QString table = DdlWriter::quote(m_to.name);
    const QString temporary = DdlWriter::quote(temporaryName());
    QVector<DdlStatement> statements;
    statements.append(
        {{QStringLiteral("retort: rebuild %1: SQLite's ALTER TABLE cannot make this change, so "
                         "the rows move to a new table")
              .arg(table)},
         m_writer.createTable(m_to, temporaryName())});
    if (const QStringList columns = copiedColumns(); !columns.isEmpty()) {
        const QString list = DdlWriter::quotedList(columns);
        statements.append({{},
                           QStringLiteral("INSERT INTO ") + temporary + u' ' + list +
                               QStringLiteral(" SELECT ") + list.mid(1, list.size() - 2) +
                               QStringLiteral(" FROM ") + table});
    }
    if (keepsAutoIncrementCounter()) {
        // Ids never reused: the new table continues the old one's AUTOINCREMENT counter.
        const QString sequence = QStringLiteral("sqlite_sequence");
        statements.append({{},
                           QStringLiteral("DELETE FROM ") + sequence +
                               QStringLiteral(" WHERE name = ") +
                               DdlWriter::literal(temporaryName())});
        statements.append(
            {{},
             QStringLiteral("INSERT INTO ") + sequence + QStringLiteral(" (name, seq) SELECT ") +
                 DdlWriter::literal(temporaryName()) + QStringLiteral(", seq FROM ") + sequence +
                 QStringLiteral(" WHERE name = ") + DdlWriter::literal(m_from.name)});
    }
    statements.append({DdlWarnings::rebuild(m_from, m_to), m_writer.dropTable(m_from)});
    statements.append(
        {{}, QStringLiteral("ALTER TABLE ") + temporary + QStringLiteral(" RENAME TO ") + table});
    return statements;
}

} // namespace retort
