// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "common/direction.h"
#include "graph/revision.h"
#include "scripts/statementsplitter.h"

#include <QVector>
#include <optional>

namespace retort {

// One "-- +upgrade [dialect]" or "-- +downgrade [dialect]" section of a native script.
struct ScriptSection
{
    Direction direction = Direction::Upgrade;
    std::optional<Dialect> dialect; // none: runs on every dialect
    int firstLine = 0;              // file line of the first line after the marker
    QString sql;
};

// A Retort migration script: one .sql file with a "-- key: value" header and upgrade and
// downgrade sections. The format is documented in docs/script-format.md.
class NativeScript
{
public:
    // Reads only the header: the fast path for listing history. Throws Error(Script)
    // "path:line: ..." when the header is malformed.
    static Revision readHeader(const QString& text, const QString& path);
    // Reads the header and every section. Throws Error(Script) "path:line: ...".
    static NativeScript parse(const QString& text, const QString& path);
    // The text of a new script file for `revision` (the inverse of parse()).
    static QString render(const Revision& revision, const QString& upgradeSql = {},
                          const QString& downgradeSql = {});

    const Revision& revision() const { return m_revision; }
    const QVector<ScriptSection>& sections() const { return m_sections; }

    // The statements one direction runs on one dialect: sections in file order, those for
    // every dialect and those for this one. Throws Error(Script) from the splitter.
    QVector<SqlStatement> statements(Direction direction, Dialect dialect) const;

private:
    Revision m_revision;
    QVector<ScriptSection> m_sections;
};

} // namespace retort
