// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/ddlgenerator.h"
#include "ddl/ddlwriter.h"

namespace retort {

// The statements that give an SQLite table a shape ALTER TABLE cannot reach, by the recipe of
// https://www.sqlite.org/lang_altertable.html ("Making Other Kinds Of Table Schema Changes"):
// create "_retort_new_<table>" as `to`, copy the rows of the columns both shapes have, keep
// the AUTOINCREMENT counter, drop the old table, rename the new one. The caller recreates the
// table's indexes, triggers and dependent views afterwards, and runs it all in the migration's
// transaction.
class SqliteTableRebuild
{
public:
    SqliteTableRebuild(const DdlWriter& writer, const Table& from, const Table& to);

    // The name the new table has until the rename.
    QString temporaryName() const;
    QVector<DdlStatement> statements() const;

private:
    QStringList copiedColumns() const;
    bool keepsAutoIncrementCounter() const;

    const DdlWriter& m_writer;
    const Table& m_from;
    const Table& m_to;
};

} // namespace retort
