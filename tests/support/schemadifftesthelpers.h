// SPDX-License-Identifier: Apache-2.0
// Shared by tst_schemadiff and tst_schemadiff_postgres: the golden diff cases of
// tests/data/schemadiff/<case>/ (from.sql and to.sql loaded as models, the expected text of
// the diff in <dialect>.txt) and running the CLI on the example project.
#pragma once

#include "childprocess.h"
#include "common/error.h"
#include "schema/devdatabase.h"
#include "schema/schemadiff.h"
#include "schema/schemamodel.h"

#include <QDir>
#include <QFile>
#include <QStringList>

namespace retort::schemadifftest {

inline const QString kCases = QStringLiteral(RETORT_TEST_DATA "/schemadiff");
inline const QString kExampleConfig = QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini");

// The case folders holding an expected diff for `dialect`.
inline QStringList casesFor(Dialect dialect)
{
    QStringList cases;
    const QDir root(kCases);
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(root.filePath(name + u'/' + dialectName(dialect) + QStringLiteral(".txt"))))
            cases.append(name);
    }
    return cases;
}

// Empty when `actual` is what `path` holds; else both texts. RETORT_UPDATE_GOLDEN=1 (re)writes
// the file instead, for review.
inline QString compareWithGolden(const QString& actual, const QString& path)
{
    QFile file(path);
    if (qEnvironmentVariableIntValue("RETORT_UPDATE_GOLDEN") == 1) {
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        file.write(actual.toUtf8());
        return {};
    }
    if (!file.open(QIODevice::ReadOnly))
        return path + QStringLiteral(": ") + file.errorString();
    const QString expected = QString::fromUtf8(file.readAll());
    if (expected == actual)
        return {};
    return QStringLiteral("%1: expected\n%2\nbut got\n%3").arg(path, expected, actual);
}

// The diff of a golden case, from.sql to to.sql, both loaded as models in `dev` (one
// temporary database for all cases of a test); with the change count of the reverse diff,
// which must be the same.
inline QString diffCase(const QString& name, DevDatabase& dev, int* reverseCount = nullptr)
{
    const SchemaReadOptions options;
    const QString folder = kCases + u'/' + name + u'/';
    const Schema from = SchemaModel::load(folder + QStringLiteral("from.sql"), dev, options);
    const Schema to = SchemaModel::load(folder + QStringLiteral("to.sql"), dev, options);
    if (reverseCount)
        *reverseCount = int(SchemaDiff::compare(to, from).changes().size());
    return SchemaDiff::compare(from, to).toText();
}

// `retort -c <example project> --url <url> ARGS`.
inline testsupport::ProcessOutput runRetort(const QString& url, const QStringList& arguments)
{
    return testsupport::runProgram(QStringLiteral(RETORT_CLI),
                                   QStringList{QStringLiteral("-c"), kExampleConfig,
                                               QStringLiteral("--url"), url} +
                                       arguments);
}

// The message of the Error `work` throws, or an empty string.
template <typename Work> QString failureOf(Work work)
{
    try {
        work();
        return {};
    } catch (const Error& error) {
        return error.message();
    }
}

} // namespace retort::schemadifftest

// Fails the test with the message when `expression` throws an Error.
#define RETORT_SCHEMADIFF_VERIFY_RUNS(expression)                                                  \
    do {                                                                                           \
        const QString failure_ = retort::schemadifftest::failureOf([&] { expression; });           \
        QVERIFY2(failure_.isEmpty(), qPrintable(failure_));                                        \
    } while (false)
