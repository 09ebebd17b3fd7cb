// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "common/sidebysidediff.h"
#include "ddl/ddlgenerator.h"
#include "schema/schema.h"
#include "schema/schemadiff.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One object of a compared pair of schemas, as a review screen lists it: tables (with their
// columns, primary key, unique constraints, foreign keys, checks and indexes as children),
// views, triggers, enums and sequences.
struct ComparedObject
{
    enum class Status { Identical, OnlyInFrom, OnlyInTo, Different };

    SchemaChange::Object kind = SchemaChange::Object::Table;
    Status status = Status::Identical;
    QString name;    // as listed: "users", "email", "ix_users_email"; schema-qualified for
                     // whole objects outside the default schema
    QString key;     // SchemaChange::key() form; a change's key when status is not Identical
    QString fromDdl; // the object's DDL on each side, empty on a side without it
    QString toDdl;
    bool isChange = false; // the diff lists this object itself (not only its parts) as a change
    QStringList details;   // what the diff says differs
    SideBySide alignment; // fromDdl and toDdl aligned, for the side-by-side panes
    QVector<ComparedObject> children;

    // This object's change key (when it has one) and its children's: what choosing it chooses.
    QStringList changeKeys() const;
};

inline size_t qHash(ComparedObject::Status status, size_t seed = 0) noexcept
{
    return ::qHash(int(status), seed);
}

// Two schemas compared object by object (SchemaDiff decides what differs), each object with
// its DDL on both sides written by DdlWriter in the dialect, one clause or option per line,
// and the two texts aligned (SideBySideDiff). Pure and immutable once built: made on a
// worker thread, then only read.
class SchemaComparison
{
public:
    // `options`: how the DDL names objects, as the generated migration will (see
    // RevisionAutogenerator::ddlOptions()).
    static SchemaComparison compare(const Schema& from, const Schema& to, Dialect dialect,
                                    const DdlOptions& options = {});

    const Schema& from() const { return m_from; }
    const Schema& to() const { return m_to; }
    const SchemaDiff& diff() const { return m_diff; }
    Dialect dialect() const { return m_dialect; }
    const DdlOptions& ddlOptions() const { return m_options; }
    // Tables, then views, triggers, enums and sequences, each kind by name.
    const QVector<ComparedObject>& objects() const { return m_objects; }
    // How many top-level objects have `status`.
    int count(ComparedObject::Status status) const;
    // Every change's key, in the diff's order.
    QStringList changeKeys() const;
    // The whole schema of each side as one text, object after object (in objects() order,
    // a blank line between two), aligned: a revision's schema before and after it.
    SideBySide wholeAlignment() const;

    // "only in from", "only in to", "different", "identical".
    static QString statusName(ComparedObject::Status status);

private:
    Schema m_from;
    Schema m_to;
    SchemaDiff m_diff;
    Dialect m_dialect = Dialect::Sqlite;
    DdlOptions m_options;
    QVector<ComparedObject> m_objects;
};

} // namespace retort
