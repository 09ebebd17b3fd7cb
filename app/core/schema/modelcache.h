// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "schema/schema.h"
#include "schema/schemareadoptions.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace retort {

// Loaded models, remembered so that an unchanged model is never run twice: one file per
// model in $XDG_CACHE_HOME/retort/models (~/.cache/retort/models), never inside the project.
// The key is a SHA-256 over the model's text, the dialect, the version of the server it loads
// on, the read options (schema name, excluded tables), the layout of Schema (its fields, see
// schema.h's members()) and the Retort executable's size and time, so that a new build or a
// server upgrade loads again. A file is taken only when its magic, key and checksum match;
// a damaged one is ignored and replaced. Files are written whole (write, then rename) with
// mode 0600; the newest 64 are kept. RETORT_NO_CACHE=1 turns it off.
//
// Threads: any thread; instances share nothing but the files.
class ModelCache
{
public:
    ModelCache();

    bool isEnabled() const { return !m_folder.isEmpty(); }
    static QByteArray key(const QString& modelText, Dialect dialect, const QString& serverVersion,
                          const SchemaReadOptions& options);
    std::optional<Schema> lookup(const QByteArray& key) const;
    // Failures are ignored: the cache only ever saves time.
    void store(const QByteArray& key, const Schema& schema) const;

    // The Schema in the cache's binary form, and back (nullopt when damaged). For tests.
    static QByteArray encode(const Schema& schema);
    static std::optional<Schema> decode(const QByteArray& bytes);

private:
    QString fileFor(const QByteArray& key) const;
    void prune() const;

    QString m_folder;
};

} // namespace retort
