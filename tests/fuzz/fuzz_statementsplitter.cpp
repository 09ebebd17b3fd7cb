// SPDX-License-Identifier: Apache-2.0
// Splits arbitrary text with every dialect. retort::Error is an expected outcome; a crash,
// sanitizer report or broken invariant (abort) is a finding.
#include "common/error.h"
#include "scripts/statementsplitter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace retort;

namespace {

const QString path = QStringLiteral("f.sql");
constexpr int firstLine = 3;

void check(bool condition)
{
    if (!condition)
        abort();
}

void checkError(const Error& error, int lastLine)
{
    check(error.kind() == ErrorKind::Script);
    const QString& message = error.message();
    check(message.startsWith(path + u':'));
    const int line = message.section(u':', 1, 1).toInt();
    check(line >= firstLine && line <= lastLine);
}

void splitAndCheck(const QString& sql, Dialect dialect, int lastLine)
{
    QVector<SqlStatement> statements;
    try {
        statements = StatementSplitter::split(sql, dialect, path, firstLine);
    } catch (const Error& error) {
        checkError(error, lastLine);
        return;
    }
    int previousLine = firstLine;
    for (const SqlStatement& statement : statements) {
        check(!statement.text.isEmpty() && statement.text == statement.text.trimmed());
        check(statement.line >= previousLine && statement.line <= lastLine);
        check(sql.contains(statement.text));
        previousLine = statement.line;
        // A statement split again is that one statement, unchanged. Except in MySQL, where
        // "--" followed by ';' is two minus signs but, once trimmed, a comment at the end.
        if (dialect == Dialect::MySql && statement.text.startsWith(QLatin1String("--")))
            continue;
        const QVector<SqlStatement> again = StatementSplitter::split(statement.text, dialect);
        check(again.size() == 1 && again.front().text == statement.text && again.front().line == 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString sql = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const int lastLine = firstLine + int(sql.count(u'\n'));
    for (Dialect dialect : {Dialect::Sqlite, Dialect::PostgreSql, Dialect::MySql})
        splitAndCheck(sql, dialect, lastLine);
    return 0;
}
