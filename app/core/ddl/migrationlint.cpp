// SPDX-License-Identifier: Apache-2.0
#include "ddl/migrationlint.h"

namespace retort {

LintSchema MigrationLint::schemaOf(const Schema& schema)
{
    LintSchema lint;
    for (const Table& table : schema.tables) {
        QHash<QString, QString>& columns = lint.tables[table.name.toLower()];
        for (const Column& column : table.columns)
            columns.insert(column.name.toLower(), column.type.toLower());
    }
    return lint;
}

QVector<LintFinding> MigrationLint::lint(const QString& sql, Dialect dialect, const Schema& before)
{
    return SqlTextLinter::lint(sql, dialect, schemaOf(before));
}

} // namespace retort
