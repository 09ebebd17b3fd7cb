// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema/schema.h"
#include "schema/schemadiff.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace retort {

// A reviewer's choice among the changes between two schemas: the schema `from` with only the
// chosen changes (named by SchemaChange::key()) made towards `to`. Generating DDL from `from`
// to that schema gives the migration for the chosen changes alone; with every change chosen
// the result is `to` itself, so the migration is exactly the unfiltered one.
//
// Parts of a table (columns, keys, constraints, indexes) are chosen one by one; a table that
// only one side has, a view, enum, sequence or trigger is chosen whole. Choosing a part of a
// table that is not there on the `from` side (a new table not chosen) changes nothing.
class ChangeSelection
{
public:
    // Throws Error(Usage) naming the first key that is not a change of `from` -> `to` and the
    // keys that are.
    static Schema apply(const Schema& from, const Schema& to, const QSet<QString>& keys);
    // The same with the diff already computed.
    static Schema apply(const Schema& from, const Schema& to, const SchemaDiff& diff,
                        const QSet<QString>& keys);
    // Every change's key, in the diff's order.
    static QStringList keys(const SchemaDiff& diff);
};

} // namespace retort
