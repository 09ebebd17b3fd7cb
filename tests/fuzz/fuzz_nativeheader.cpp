// SPDX-License-Identifier: Apache-2.0
// Reads arbitrary text as a native script. retort::Error is an expected outcome; a crash,
// sanitizer report or broken invariant (abort) is a finding.
#include "common/error.h"
#include "scripts/nativescript.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

using namespace retort;

namespace {

const QString path = QStringLiteral("v/f.sql");

void check(bool condition)
{
    if (!condition)
        abort();
}

void checkError(const Error& error)
{
    check(error.kind() == ErrorKind::Script && error.message().startsWith(path + u':'));
}

bool sameRevision(const Revision& a, const Revision& b)
{
    return a.id == b.id && a.downRevisions == b.downRevisions && a.branchLabels == b.branchLabels &&
           a.dependsOn == b.dependsOn && a.message == b.message && a.createDate == b.createDate &&
           a.path == b.path && a.format == b.format && a.transactional == b.transactional;
}

std::optional<Revision> readHeader(const QString& text)
{
    try {
        const Revision revision = NativeScript::readHeader(text, path);
        check(revision.format == ScriptFormat::Native && revision.path == path);
        check(isValidRevisionId(revision.id));
        for (const QString& parent : revision.downRevisions)
            check(isValidRevisionId(parent));
        return revision;
    } catch (const Error& error) {
        checkError(error);
        return std::nullopt;
    }
}

void checkStatements(const NativeScript& script, int lastLine)
{
    for (Direction direction : {Direction::Upgrade, Direction::Downgrade}) {
        for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql}) {
            try {
                for (const SqlStatement& statement : script.statements(direction, dialect))
                    check(statement.line > 0 && statement.line <= lastLine);
            } catch (const Error& error) {
                checkError(error);
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const std::optional<Revision> header = readHeader(text);
    NativeScript script;
    try {
        script = NativeScript::parse(text, path);
    } catch (const Error& error) {
        checkError(error);
        return 0;
    }
    // parse() reads the header exactly as readHeader() does.
    check(header && sameRevision(*header, script.revision()));
    const int lastLine = 1 + int(text.count(u'\n'));
    int previousLine = 0;
    for (const ScriptSection& section : script.sections()) {
        check(section.firstLine > previousLine && section.firstLine <= lastLine + 1);
        previousLine = section.firstLine;
    }
    checkStatements(script, lastLine);
    // What parse() read, render() writes back in a form parse() reads identically.
    const NativeScript again = NativeScript::parse(NativeScript::render(script.revision()), path);
    check(sameRevision(again.revision(), script.revision()));
    return 0;
}
