// SPDX-License-Identifier: Apache-2.0
// Shared by tst_introspection_sqlite and tst_introspection_postgres: building schemas from SQL
// files and from the example project's migrations, and golden JSON comparison.
#pragma once

#include "common/error.h"
#include "graph/migrationplanner.h"
#include "scripts/nativescript.h"
#include "project/project.h"
#include "schema/schema.h"
#include "scripts/statementsplitter.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace retort::introspectiontest {

inline QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Script, path + QStringLiteral(": ") + file.errorString());
    return QString::fromUtf8(file.readAll());
}

// Runs every statement of `statements`; throws Error(Database) "path:line: message".
inline void execute(QSqlDatabase& db, const QVector<SqlStatement>& statements, const QString& path)
{
    for (const SqlStatement& statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement.text)) {
            throw Error(ErrorKind::Database, QStringLiteral("%1:%2: %3")
                                                 .arg(path)
                                                 .arg(statement.line)
                                                 .arg(query.lastError().text()));
        }
    }
}

inline void executeFile(QSqlDatabase& db, const QString& path, Dialect dialect)
{
    execute(db, StatementSplitter::split(readText(path), dialect, path), path);
}

// Brings `db` from base to the example project's head by running the upgrade sections of
// migrations/versions/*.sql in the planner's order.
inline void upgradeExampleProject(QSqlDatabase& db, Dialect dialect)
{
    const Project project =
        Project::open(QStringLiteral(RETORT_SOURCE_DIR "/migrations/retort.ini"));
    const RevisionGraph& graph = project.graph();
    for (const MigrationStep& step : MigrationPlanner(graph).upgrade({}, graph.realHeads())) {
        const QString path = graph.revision(step.revision).path;
        const NativeScript script = NativeScript::parse(readText(path), path);
        execute(db, script.statements(Direction::Upgrade, dialect), path);
    }
}

// The case folders under tests/data/introspection holding `fileName`.
inline QStringList casesWith(const QString& fileName)
{
    QStringList cases;
    const QDir root(QStringLiteral(RETORT_TEST_DATA "/introspection"));
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFile::exists(root.filePath(name + u'/' + fileName)))
            cases.append(name);
    }
    return cases;
}

// Empty when `schema` prints as `expectedPath` holds; else what differs first. With
// RETORT_UPDATE_GOLDEN=1 in the environment the file is (re)written instead, for review.
inline QString compareWithGolden(const Schema& schema, const QString& expectedPath)
{
    const QByteArray actual = schema.toJsonText();
    if (qEnvironmentVariableIntValue("RETORT_UPDATE_GOLDEN") == 1) {
        QFile file(expectedPath);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        file.write(actual);
        return {};
    }
    QFile file(expectedPath);
    if (!file.open(QIODevice::ReadOnly))
        return expectedPath + QStringLiteral(": ") + file.errorString();
    const QList<QByteArray> expectedLines = file.readAll().split('\n');
    const QList<QByteArray> actualLines = actual.split('\n');
    for (int i = 0; i < qMax(expectedLines.size(), actualLines.size()); ++i) {
        const QByteArray expected = expectedLines.value(i);
        const QByteArray got = actualLines.value(i);
        if (expected != got) {
            return QStringLiteral("%1:%2: expected\n  %3\nbut got\n  %4")
                .arg(expectedPath)
                .arg(i + 1)
                .arg(QString::fromUtf8(expected.trimmed()), QString::fromUtf8(got.trimmed()));
        }
    }
    return {};
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

} // namespace retort::introspectiontest

// Fails the test with the message when `expression` throws an Error.
#define RETORT_VERIFY_RUNS(expression)                                                             \
    do {                                                                                           \
        const QString failure_ = retort::introspectiontest::failureOf([&] { expression; });        \
        QVERIFY2(failure_.isEmpty(), qPrintable(failure_));                                        \
    } while (false)
