// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "schema/schemamodel.h"

#include <QString>

namespace retort::ui {

// One side of a schema comparison in Studio: the database in use, the project's model, the
// scripts applied up to a revision (on a scratch database), or another saved connection.
struct CompareSource
{
    enum class Kind { Database, Model, Revision, Connection };

    Kind kind = Kind::Model;
    QString revision; // Revision: names the resolver takes ("head", "ae10", a label), several
                      // joined by ',' (a database at two heads); "" or "base": no scripts
    QString profile;  // Connection: the saved connection's name
    QString url;      // Connection: its URL with the password from the keychain

    // Reads this side with the core's reader (a connection reads as a database).
    Schema read(const SchemaReader& reader) const;
    // The URL the reader uses: the connection's, else the database in use (whose server also
    // runs the model and the scripts).
    QString readerUrl(const QString& databaseUrl) const;
    // "the database", "the model", "the scripts at head", "connection 'staging'".
    QString describe() const;
    // The same in English for the generated script's reminder ("to the model"), which must
    // not depend on the reviewer's language: the CLI writes the same.
    QString scriptName() const;
    bool operator==(const CompareSource& other) const;
};

} // namespace retort::ui
