// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema/schema.h"

#include <QSet>
#include <QString>
#include <QVector>

namespace retort {

// Which objects of a schema depend on which, for ordering DDL: foreign keys between tables,
// and the names a view's or trigger's SQL mentions. Mentions are found by tokens, not by
// parsing, so they err on the side of "depends" (a column named like a table counts).
class SchemaDependencies
{
public:
    // A foreign key left out of its CREATE TABLE because it closes a cycle between new tables.
    struct DeferredKey
    {
        const Table* table = nullptr;
        ForeignKey key;
    };

    // Whether `sql` names `name` as an identifier (bare in any letter case, or quoted),
    // outside string literals and comments.
    static bool mentions(const QString& sql, const QString& name);

    // `tables` ordered so that each comes after the tables (among `tables`) its foreign keys
    // reference. Keys that close a cycle go to `deferred` (self-references do not).
    static QVector<const Table*> creationOrder(const QVector<const Table*>& tables,
                                               QVector<DeferredKey>* deferred = nullptr);
    // `views` ordered so that each comes after the views (among `views`) it mentions.
    static QVector<const View*> viewOrder(const QVector<const View*>& views);
    // The qualified names of the views of `schema` that mention one of `tables` (unqualified
    // names), and of the views that mention those, and so on.
    static QSet<QString> dependentViews(const Schema& schema, const QSet<QString>& tables);
};


} // namespace retort
