// SPDX-License-Identifier: Apache-2.0
#include "ddl/migrationlint.h"

#include <QSet>

namespace retort {

LintSchema MigrationLint::schemaOf(const Schema& schema)
{
    LintSchema lint;
    for (const Table& table : schema.tables) {
        LintTable& target = lint.editTable(table.name.toLower());
        QSet<QString> keyColumns(table.primaryKey.columns.cbegin(), table.primaryKey.columns.cend());
        for (const UniqueConstraint& unique : table.uniqueConstraints)
            keyColumns.unite(QSet<QString>(unique.columns.cbegin(), unique.columns.cend()));
        for (const Column& column : table.columns) {
            LintColumn& lintColumn = target.columns[column.name.toLower()];
            lintColumn.type = column.type.toLower();
            lintColumn.notNull = !column.nullable;
            lintColumn.key = keyColumns.contains(column.name);
        }
        for (const Index& index : table.indexes) {
            QStringList columns;
            for (const IndexElement& element : index.elements)
                columns << element.column.toLower();
            target.indexes.insert(index.name.toLower(), columns);
        }
    }
    return lint;
}

QVector<LintFinding> MigrationLint::lint(const QString& sql, Dialect dialect, const Schema& before)
{
    return ScriptLinter::lintSql(sql, dialect, {}, schemaOf(before));
}

} // namespace retort
