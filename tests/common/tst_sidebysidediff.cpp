// SPDX-License-Identifier: Apache-2.0
// SideBySideDiff: rows of two texts paired for review panes, with fillers and word spans.
#include "common/sidebysidediff.h"

#include "testliterals.h"

#include <QtTest>

using namespace retort;
using retort::testsupport::L;
using retort::testsupport::S;
using Kind = AlignedRow::Kind;

namespace {

// One letter per row: S same, C changed, R removed (filler on the right), A added.
QString shape(const SideBySide& s)
{
    QString out;
    for (const AlignedRow& row : s.rows)
        out += row.kind == Kind::Same ? u'S' : row.kind == Kind::Changed ? u'C'
                                           : row.kind == Kind::Removed ? u'R' : u'A';
    return out;
}

// The changed words of each side of a Changed row, as the texts they cover.
QStringList spans(const QString& line, const QVector<WordSpan>& words)
{
    QStringList out;
    for (const WordSpan& span : words)
        out << line.mid(span.start, span.length);
    return out;
}

} // namespace

class TestSideBySideDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data();
    void rows();
    void panesHaveEqualLineCounts();
    void changedWords_data();
    void changedWords();
    void wordsJoinToTheLine();
    void longLinesAreMarkedWhole();
    void appendedAlignmentsShowAsOne();
};

void TestSideBySideDiff::rows_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QVector<int>>("starts");
    QTest::newRow("equal") << S("a\nb\nc") << S("a\nb\nc") << S("SSS") << QVector<int>{};
    QTest::newRow("both empty") << S("") << S("") << S("") << QVector<int>{};
    QTest::newRow("only to") << S("") << S("a\nb") << S("AA") << QVector<int>{0};
    QTest::newRow("only from") << S("a\nb") << S("") << S("RR") << QVector<int>{0};
    QTest::newRow("one changed") << S("a\nb\nc") << S("a\nB\nc") << S("SCS") << QVector<int>{1};
    QTest::newRow("added in the middle") << S("a\nc") << S("a\nb\nc") << S("SAS") << QVector<int>{1};
    QTest::newRow("two blocks") << S("a\nb\nc\nd\ne") << S("a\nX\nc\nd\ne\nf") << S("SCSSSA")
                                << QVector<int>{1, 5};
    // Three removed facing one added: one Changed pair, two fillers on the right.
    QTest::newRow("uneven block") << S("a\nb1\nb2\nb3\nc") << S("a\nB\nc") << S("SCRRS") << QVector<int>{1};
}

void TestSideBySideDiff::rows()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, shape);
    QFETCH(QVector<int>, starts);
    const SideBySide s = SideBySideDiff::align(from, to);
    QCOMPARE(::shape(s), shape);
    QCOMPARE(s.differenceStarts(), starts);
    QCOMPARE(s.isEqual(), starts.isEmpty());
    // Each side's lines appear in order, every one once.
    int fromNext = 0;
    int toNext = 0;
    for (const AlignedRow& row : s.rows) {
        if (row.fromLine >= 0)
            QCOMPARE(row.fromLine, fromNext++);
        if (row.toLine >= 0)
            QCOMPARE(row.toLine, toNext++);
        QCOMPARE(row.fromLine < 0, row.kind == Kind::Added);
        QCOMPARE(row.toLine < 0, row.kind == Kind::Removed);
    }
    QCOMPARE(fromNext, s.fromLines.size());
    QCOMPARE(toNext, s.toLines.size());
}

void TestSideBySideDiff::panesHaveEqualLineCounts()
{
    const SideBySide s = SideBySideDiff::align(QStringLiteral("a\nb1\nb2\nb3\nc"),
                                               QStringLiteral("a\nB\nc\nd"));
    QCOMPARE(s.fromText(), QStringLiteral("a\nb1\nb2\nb3\nc\n"));
    QCOMPARE(s.toText(), QStringLiteral("a\nB\n\n\nc\nd"));
    QCOMPARE(s.fromText().count(u'\n'), s.toText().count(u'\n'));
}

void TestSideBySideDiff::changedWords_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("fromWords");
    QTest::addColumn<QStringList>("toWords");
    QTest::newRow("type") << S(R"("name" VARCHAR(20) NOT NULL,)") << S(R"("name" VARCHAR(30) NOT NULL,)")
                          << L({"20"}) << L({"30"});
    QTest::newRow("added clause") << S(R"("a" TEXT,)") << S(R"("a" TEXT NOT NULL,)") << QStringList{}
                                  << L({" NOT NULL"});
    QTest::newRow("identifier") << S(R"(CREATE INDEX "ix_a" ON "t" ("a");)")
                                << S(R"(CREATE INDEX "ix_a" ON "t" ("a_b");)") << L({"a"})
                                << L({"a_b"});
}

void TestSideBySideDiff::changedWords()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, fromWords);
    QFETCH(QStringList, toWords);
    const SideBySide s = SideBySideDiff::align(from, to);
    QCOMPARE(s.rows.size(), 1);
    QCOMPARE(s.rows.first().kind, Kind::Changed);
    QCOMPARE(spans(from, s.rows.first().fromWords), fromWords);
    QCOMPARE(spans(to, s.rows.first().toWords), toWords);
}

void TestSideBySideDiff::wordsJoinToTheLine()
{
    const QString line = QStringLiteral("  \"user_id\" INTEGER REFERENCES \"users\" (\"id\"),");
    const QStringList words = SideBySideDiff::words(line);
    QCOMPARE(words.join(QString()), line);
    QVERIFY(words.contains(QStringLiteral("user_id")));
    QVERIFY(words.contains(QStringLiteral("  ")));
}

void TestSideBySideDiff::longLinesAreMarkedWhole()
{
    const QString a = QString(SideBySideDiff::kMaxWordDiffLength + 1, u'a');
    const QString b = a + u'b';
    QVector<WordSpan> fromSpans;
    QVector<WordSpan> toSpans;
    SideBySideDiff::wordSpans(a, b, fromSpans, toSpans);
    QCOMPARE(fromSpans, (QVector<WordSpan>{{0, int(a.size())}}));
    QCOMPARE(toSpans, (QVector<WordSpan>{{0, int(b.size())}}));
}

// Two alignments appended: the panes show both, one after the other, still aligned, and the
// differences are those of each part.
void TestSideBySideDiff::appendedAlignmentsShowAsOne()
{
    SideBySide whole = SideBySideDiff::align(QStringLiteral("a\nb"), QStringLiteral("a\nc\nd"));
    const SideBySide second = SideBySideDiff::align(QStringLiteral("x\ny"), QStringLiteral("x\nz"));
    whole.append(second);
    QCOMPARE(whole.fromText(), QStringLiteral("a\nb\n\nx\ny"));
    QCOMPARE(whole.toText(), QStringLiteral("a\nc\nd\nx\nz"));
    QCOMPARE(whole.rows.size(), 5);
    QCOMPARE(whole.differenceStarts(), (QVector<int>{1, 4}));
    QCOMPARE(whole.rows.at(4).fromLine, 3); // "y": line 1 of the second part, after 2 lines
    QCOMPARE(whole.rows.at(4).toLine, 4);   // "z": after 3 lines
}

QTEST_GUILESS_MAIN(TestSideBySideDiff)
#include "tst_sidebysidediff.moc"
