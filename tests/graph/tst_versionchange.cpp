// SPDX-License-Identifier: Apache-2.0
// VersionChange: the version-table rows after each step, checked against golden cases whose
// expected output is Alembic's own (tests/tools/alembic_version_oracle.py), plus the SQL that
// VersionTable makes of a change.
#include "graphfixture.h"
#include "common/error.h"
#include "graph/migrationplanner.h"
#include "graph/versionchange.h"
#include "run/versiontable.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace retort;

namespace {

QString caseDir(const QString& name)
{
    return QStringLiteral(RETORT_TEST_DATA "/versionchange/") + name;
}

QStringList lines(const QString& path)
{
    return testsupport::fixtureLines(path);
}

RevisionGraph readGraph(const QString& folder)
{
    return RevisionGraph(testsupport::readGraphFixture(folder + QStringLiteral("/graph.txt")));
}

QString rowsText(QStringList heads)
{
    std::sort(heads.begin(), heads.end());
    return heads.isEmpty() ? QStringLiteral("(base)") : heads.join(u' ');
}

QVector<int> indices(const RevisionGraph& graph, const QStringList& ids)
{
    QVector<int> result;
    for (const QString& id : ids)
        result.append(graph.indexOf(id));
    return result;
}

VersionChange changeOf(const RevisionGraph& graph, const QStringList& heads, const QString& id,
                       Direction direction)
{
    return versionChange(graph, heads, {graph.indexOf(id), direction});
}

using Kind = VersionRowChange::Kind;

} // namespace

class TestVersionChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data();
    void goldenCases();
    void mergeDeletesAllButOneParentRow();
    void unmergeInsertsParentsNotImplied();
    void branchFromImpliedRevisionInserts();
    void stepNotFittingRowsIsAnError();
    void headsAfterEachStepFollowsPlan();
    void stamp();
    void stampFailsWhereAlembicFails();
    void versionTableStatements();
    void literalsAreQuoted();
};

void TestVersionChange::goldenCases_data()
{
    QTest::addColumn<QString>("folder");
    const QStringList cases = QDir(QStringLiteral(RETORT_TEST_DATA "/versionchange"))
                                  .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 7);
    for (const QString& name : cases)
        QTest::newRow(qPrintable(name)) << caseDir(name);
}

namespace {

// An upgrade or downgrade command: the rows after each step of its plan.
QStringList migrateLines(const RevisionGraph& graph, QStringList& heads, const QString& command)
{
    const Direction direction = command.startsWith(QLatin1String("upgrade")) ? Direction::Upgrade
                                                                             : Direction::Downgrade;
    const QVector<MigrationStep> plan = MigrationPlanner(graph).plan(
        indices(graph, heads), command.section(u' ', 1), direction);
    const QVector<QStringList> after = headsAfterEachStep(graph, heads, plan);
    QStringList output;
    for (int i = 0; i < plan.size(); ++i) {
        output.append(QStringLiteral("  %1 %2 => %3")
                          .arg(command.section(u' ', 0, 0), graph.id(plan[i].revision),
                               rowsText(after[i])));
    }
    if (!after.isEmpty())
        heads = after.last();
    return output;
}

QString rowChangeText(const VersionRowChange& row)
{
    switch (row.kind) {
    case Kind::Insert:
        return QStringLiteral("  insert ") + row.to;
    case Kind::Delete:
        return QStringLiteral("  delete ") + row.from;
    case Kind::Update:
        return QStringLiteral("  update %1 %2").arg(row.from, row.to);
    }
    return {};
}

// "stamp [--purge] TARGET...": each row change (a purge's deletes as one "purge" line), then
// the rows; "error" when the stamp is refused.
QStringList stampLines(const RevisionGraph& graph, QStringList& heads, const QString& command)
{
    QStringList targets = command.split(u' ').mid(1);
    const bool purge = targets.value(0) == QLatin1String("--purge");
    if (purge)
        targets.removeFirst();
    QStringList output;
    if (purge)
        output.append(QStringLiteral("  purge"));
    try {
        const VersionChange change = stampChange(graph, heads, targets, purge);
        for (qsizetype i = purge ? heads.size() : 0; i < change.rows.size(); ++i)
            output.append(rowChangeText(change.rows[i]));
        heads = change.applyTo(heads);
        output.append(QStringLiteral("  => ") + rowsText(heads));
    } catch (const Error& error) {
        output.append(error.kind() == ErrorKind::Graph ? QStringLiteral("  error")
                                                       : QStringLiteral("  unexpected error: ") +
                                                             error.message());
    }
    return output;
}

} // namespace

void TestVersionChange::goldenCases()
{
    QFETCH(QString, folder);
    const RevisionGraph graph = readGraph(folder);
    QStringList heads;
    QStringList output;
    const QStringList commands = lines(folder + QStringLiteral("/commands.txt"));
    for (const QString& command : commands) {
        output.append(command);
        output += command.startsWith(QLatin1String("stamp")) ? stampLines(graph, heads, command)
                                                             : migrateLines(graph, heads, command);
    }
    QFile file(folder + QStringLiteral("/expected.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList expected = QString::fromUtf8(file.readAll()).trimmed().split(u'\n');
    // The first line that differs, with the command it belongs to (the files are long).
    QString command;
    for (qsizetype i = 0; i < std::max(output.size(), expected.size()); ++i) {
        if (!expected.value(i).startsWith(u' '))
            command = expected.value(i);
        if (output.value(i) != expected.value(i)) {
            const QString message =
                QStringLiteral("expected.txt line %1 (in '%2'): expected '%3', got '%4'")
                    .arg(i + 1)
                    .arg(command, expected.value(i), output.value(i));
            QFAIL(qPrintable(message));
        }
    }
}

void TestVersionChange::mergeDeletesAllButOneParentRow()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("three_way_merge")));
    const QStringList heads = {QStringLiteral("tw2aaaaa"), QStringLiteral("tw2bbbbb"),
                               QStringLiteral("tw2ccccc")};
    const VersionChange change =
        changeOf(graph, heads, QStringLiteral("tw3merge"), Direction::Upgrade);
    QCOMPARE(change.rows.size(), 3);
    QCOMPARE(change.rows[0].kind, Kind::Delete);
    QCOMPARE(change.rows[0].from, QStringLiteral("tw2aaaaa"));
    QCOMPARE(change.rows[1].kind, Kind::Delete);
    QCOMPARE(change.rows[2], (VersionRowChange{Kind::Update, QStringLiteral("tw2ccccc"),
                                               QStringLiteral("tw3merge")}));
    QCOMPARE(change.applyTo(heads), QStringList{QStringLiteral("tw3merge")});
}

void TestVersionChange::unmergeInsertsParentsNotImplied()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("three_way_merge")));
    const VersionChange change = changeOf(graph, {QStringLiteral("tw3merge")},
                                          QStringLiteral("tw3merge"), Direction::Downgrade);
    QCOMPARE(change.rows.size(), 3);
    QCOMPARE(change.rows[0].kind, Kind::Insert);
    QCOMPARE(change.rows[1].kind, Kind::Insert);
    QCOMPARE(change.rows[2].kind, Kind::Update);
    QCOMPARE(change.rows[2].from, QStringLiteral("tw3merge"));
    QCOMPARE(rowsText(change.applyTo({QStringLiteral("tw3merge")})),
             QStringLiteral("tw2aaaaa tw2bbbbb tw2ccccc"));
}

void TestVersionChange::branchFromImpliedRevisionInserts()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("labelled_bases")));
    // mb1alpha is below the row mb2alpha: its new child starts a row of its own.
    const VersionChange up = changeOf(graph, {QStringLiteral("mb2alpha")},
                                      QStringLiteral("mb3side0"), Direction::Upgrade);
    QCOMPARE(up.rows, (QVector<VersionRowChange>{{Kind::Insert, {}, QStringLiteral("mb3side0")}}));
    // ...and going back deletes it, since mb2alpha still implies mb1alpha.
    const VersionChange down =
        changeOf(graph, {QStringLiteral("mb2alpha"), QStringLiteral("mb3side0")},
                 QStringLiteral("mb3side0"), Direction::Downgrade);
    QCOMPARE(down.rows, (QVector<VersionRowChange>{{Kind::Delete, QStringLiteral("mb3side0"), {}}}));
    // A plain step updates.
    const VersionChange plain = changeOf(graph, {QStringLiteral("mb1alpha")},
                                         QStringLiteral("mb2alpha"), Direction::Upgrade);
    QCOMPARE(plain.rows, (QVector<VersionRowChange>{
                             {Kind::Update, QStringLiteral("mb1alpha"), QStringLiteral("mb2alpha")}}));
}

void TestVersionChange::stepNotFittingRowsIsAnError()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("diamond")));
    try {
        changeOf(graph, {QStringLiteral("dia2left")}, QStringLiteral("dia2left"), Direction::Upgrade);
        QFAIL("upgrading a row again must fail");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Graph);
        QVERIFY2(error.message().contains(QLatin1String("dia2left")), qPrintable(error.message()));
    }
    QVERIFY_THROWS_EXCEPTION(Error, changeOf(graph, {QStringLiteral("dia1aaaa")},
                                             QStringLiteral("dia2left"), Direction::Downgrade));
}

void TestVersionChange::headsAfterEachStepFollowsPlan()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("diamond")));
    const QVector<MigrationStep> plan = MigrationPlanner(graph).plan({}, QStringLiteral("heads"),
                                                                     Direction::Upgrade);
    const QVector<QStringList> after = headsAfterEachStep(graph, {}, plan);
    QCOMPARE(after.size(), 4);
    QCOMPARE(after.last(), QStringList{QStringLiteral("dia4merg")});
    QCOMPARE(after[2].size(), 2); // both sides of the diamond before the merge
}

void TestVersionChange::stamp()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("labelled_bases")));
    const QStringList heads = {QStringLiteral("mb1alpha"), QStringLiteral("mb2beta0")};
    // Same line: updated in place; the other line is kept.
    VersionChange change = stampChange(graph, heads, {QStringLiteral("mb2alpha")}, false);
    QCOMPARE(change.rows, (QVector<VersionRowChange>{
                              {Kind::Update, QStringLiteral("mb1alpha"), QStringLiteral("mb2alpha")}}));
    // Purge: everything goes, the targets come in.
    change = stampChange(graph, heads, {QStringLiteral("mb1beta0")}, true);
    QCOMPARE(rowsText(change.applyTo(heads)), QStringLiteral("mb1beta0"));
    QCOMPARE(change.rows.size(), 3);
    // Base (named or not): no rows left.
    QVERIFY(stampChange(graph, heads, {}, false).applyTo(heads).isEmpty());
    QVERIFY(stampChange(graph, heads, {QStringLiteral("base")}, false).applyTo(heads).isEmpty());
    // A label's base deletes only the rows on that label's line.
    change = stampChange(graph, heads, {QStringLiteral("beta@base")}, false);
    QCOMPARE(change.rows,
             (QVector<VersionRowChange>{{Kind::Delete, QStringLiteral("mb2beta0"), {}}}));
    // A target that is a row already changes nothing.
    QVERIFY(stampChange(graph, heads, {QStringLiteral("mb2beta0")}, false).rows.isEmpty());
    // A row no script defines is refused unless purging.
    try {
        stampChange(graph, {QStringLiteral("feedbeef0000")}, {graph.id(0)}, false);
        QFAIL("an unknown row must be refused");
    } catch (const Error& error) {
        QVERIFY2(error.message().contains(QLatin1String("feedbeef0000")),
                 qPrintable(error.message()));
    }
    QCOMPARE(stampChange(graph, {QStringLiteral("feedbeef0000")}, {graph.id(0)}, true)
                 .applyTo({QStringLiteral("feedbeef0000")}),
             QStringList{graph.id(0)});
    // Unknown target names are errors of the resolver.
    QVERIFY_THROWS_EXCEPTION(Error,
                             stampChange(graph, heads, {QStringLiteral("nosuchrev")}, false));
}

void TestVersionChange::stampFailsWhereAlembicFails()
{
    const RevisionGraph graph = readGraph(caseDir(QStringLiteral("stamp_branches")));
    // The first target merges both rows into it; the second then has none left to move.
    const QStringList heads = {QStringLiteral("sb2rght0"), QStringLiteral("sb3left0")};
    try {
        stampChange(graph, heads, {QStringLiteral("sb1base0"), QStringLiteral("sb2left0")}, false);
        QFAIL("Alembic's stamp fails here; so must Retort's");
    } catch (const Error& error) {
        QCOMPARE(error.kind(), ErrorKind::Graph);
        QVERIFY2(error.message().contains(QLatin1String("sb1base0 sb2left0")),
                 qPrintable(error.message()));
    }
    // A target named twice: written once, then found in place (a row already is fine).
    QVERIFY_THROWS_EXCEPTION(Error, stampChange(graph, heads, {QStringLiteral("sb3rght0"),
                                                               QStringLiteral("sb3rght0")},
                                                false));
    QVERIFY(stampChange(graph, heads, {QStringLiteral("sb3left0"), QStringLiteral("sb3left0")},
                        false)
                .rows.isEmpty());
}

void TestVersionChange::versionTableStatements()
{
    const VersionTable table(Dialect::PostgreSql, QStringLiteral("alembic_version"),
                             QStringLiteral("app"));
    QCOMPARE(table.createStatement().literalSql(Dialect::PostgreSql),
             QStringLiteral("CREATE TABLE \"app\".\"alembic_version\" (version_num VARCHAR(32) NOT "
                            "NULL, CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY (version_num))"));
    const VersionChange change{{{Kind::Delete, QStringLiteral("a1"), {}},
                                {Kind::Update, QStringLiteral("b1"), QStringLiteral("c1")},
                                {Kind::Insert, {}, QStringLiteral("d1")}}};
    const QVector<SqlCommand> commands = table.statements(change);
    QCOMPARE(commands.size(), 3);
    QCOMPARE(commands[0].boundSql(),
             QStringLiteral("DELETE FROM \"app\".\"alembic_version\" WHERE version_num = ?"));
    QCOMPARE(commands[0].values, QVariantList{QStringLiteral("a1")});
    QVERIFY(!commands[0].expectOneRow.isEmpty());
    QCOMPARE(commands[1].literalSql(Dialect::PostgreSql),
             QStringLiteral("UPDATE \"app\".\"alembic_version\" SET version_num = 'c1' WHERE "
                            "version_num = 'b1'"));
    QVERIFY(commands[1].expectOneRow.contains(QLatin1String("b1")));
    QCOMPARE(commands[2].literalSql(Dialect::PostgreSql),
             QStringLiteral("INSERT INTO \"app\".\"alembic_version\" (version_num) VALUES ('d1')"));
    QVERIFY(commands[2].expectOneRow.isEmpty());
}

void TestVersionChange::literalsAreQuoted()
{
    QCOMPARE(quoteLiteral(Dialect::Sqlite, QStringLiteral("it's")), QStringLiteral("'it''s'"));
    QCOMPARE(quoteLiteral(Dialect::MySql, QStringLiteral("a\\'")), QStringLiteral("'a\\\\'''"));
    QCOMPARE(quoteLiteral(Dialect::PostgreSql, QVariant()), QStringLiteral("NULL"));
    QCOMPARE(quoteLiteral(Dialect::PostgreSql, qint64(42)), QStringLiteral("42"));
    QCOMPARE(quoteIdentifier(Dialect::Sqlite, QStringLiteral("we\"ird")),
             QStringLiteral("\"we\"\"ird\""));
    QCOMPARE(quoteIdentifier(Dialect::MySql, QStringLiteral("t`1")), QStringLiteral("`t``1`"));
}

QTEST_GUILESS_MAIN(TestVersionChange)
#include "tst_versionchange.moc"
