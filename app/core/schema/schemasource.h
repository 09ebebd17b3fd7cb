// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort {

// Where a compared schema comes from: `retort diff --from/--to` take "model", "db" or
// "rev:<revision>" (any name the resolver takes, e.g. rev:head, rev:ae10). Plain data: pass it
// to any thread.
struct SchemaSource
{
    enum class Kind { Model, Database, Revision };
    Kind kind = Kind::Model;
    QString revision;

    // Throws Error(Usage) naming the accepted forms.
    static SchemaSource parse(const QString& text);
    QString describe() const; // "the model", "the database", "the scripts at <rev>"
};

} // namespace retort
