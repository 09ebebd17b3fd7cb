// SPDX-License-Identifier: Apache-2.0
#include "common/sidebysidediff.h"

#include "common/textdiff.h"

#include <algorithm>

namespace retort {

namespace {

using Kind = AlignedRow::Kind;

enum class CharClass { Word, Space, Other };

CharClass classOf(QChar c)
{
    if (c.isLetterOrNumber() || c == u'_')
        return CharClass::Word;
    return c.isSpace() ? CharClass::Space : CharClass::Other;
}

// Appends [start, start + length) to `spans`, joined with the last span when they touch.
void addSpan(QVector<WordSpan>& spans, int start, int length)
{
    if (length <= 0)
        return;
    if (!spans.isEmpty() && spans.last().start + spans.last().length == start)
        spans.last().length += length;
    else
        spans.append({start, length});
}

QString paned(const QStringList& lines, const QVector<AlignedRow>& rows, bool fromSide)
{
    QStringList out;
    out.reserve(rows.size());
    for (const AlignedRow& row : rows) {
        const int line = fromSide ? row.fromLine : row.toLine;
        out.append(line < 0 ? QString() : lines.at(line));
    }
    return out.join(u'\n');
}

} // namespace

bool SideBySide::isEqual() const
{
    for (const AlignedRow& row : rows) {
        if (row.kind != Kind::Same)
            return false;
    }
    return true;
}

QString SideBySide::fromText() const
{
    return paned(fromLines, rows, true);
}

QString SideBySide::toText() const
{
    return paned(toLines, rows, false);
}

QVector<int> SideBySide::differenceStarts() const
{
    QVector<int> starts;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).kind != Kind::Same && (i == 0 || rows.at(i - 1).kind == Kind::Same))
            starts.append(i);
    }
    return starts;
}

void SideBySide::append(const SideBySide& more)
{
    const int fromOffset = int(fromLines.size());
    const int toOffset = int(toLines.size());
    fromLines += more.fromLines;
    toLines += more.toLines;
    rows.reserve(rows.size() + more.rows.size());
    for (AlignedRow row : more.rows) {
        if (row.fromLine >= 0)
            row.fromLine += fromOffset;
        if (row.toLine >= 0)
            row.toLine += toOffset;
        rows.append(row);
    }
}

QStringList SideBySideDiff::words(const QString& line)
{
    QStringList out;
    int start = 0;
    for (int i = 1; i <= line.size(); ++i) {
        const bool split = i == line.size() || classOf(line.at(i)) != classOf(line.at(i - 1)) ||
                           classOf(line.at(i)) == CharClass::Other;
        if (split) {
            out.append(line.mid(start, i - start));
            start = i;
        }
    }
    return out;
}

void SideBySideDiff::wordSpans(const QString& from, const QString& to,
                               QVector<WordSpan>& fromSpans, QVector<WordSpan>& toSpans)
{
    if (from.size() > kMaxWordDiffLength || to.size() > kMaxWordDiffLength) {
        addSpan(fromSpans, 0, int(from.size()));
        addSpan(toSpans, 0, int(to.size()));
        return;
    }
    int fromAt = 0;
    int toAt = 0;
    for (const DiffLine& word : TextDiff::diff(words(from), words(to))) {
        const int length = int(word.text.size());
        switch (word.kind) {
        case DiffLine::Kind::Same:
            fromAt += length;
            toAt += length;
            break;
        case DiffLine::Kind::Removed:
            addSpan(fromSpans, fromAt, length);
            fromAt += length;
            break;
        case DiffLine::Kind::Added:
            addSpan(toSpans, toAt, length);
            toAt += length;
            break;
        }
    }
}

SideBySide SideBySideDiff::align(const QString& from, const QString& to)
{
    SideBySide result;
    result.fromLines = TextDiff::lines(from);
    result.toLines = TextDiff::lines(to);
    const QVector<DiffLine> diff = TextDiff::diff(result.fromLines, result.toLines);
    result.rows.reserve(diff.size());

    int fromLine = 0;
    int toLine = 0;
    for (int i = 0; i < diff.size();) {
        if (diff.at(i).kind == DiffLine::Kind::Same) {
            result.rows.append({Kind::Same, fromLine++, toLine++, {}, {}});
            ++i;
            continue;
        }
        // A block of removals and additions (in any order): pair them up.
        QVector<int> removed;
        QVector<int> added;
        for (; i < diff.size() && diff.at(i).kind != DiffLine::Kind::Same; ++i) {
            if (diff.at(i).kind == DiffLine::Kind::Removed)
                removed.append(fromLine++);
            else
                added.append(toLine++);
        }
        const int paired = int(std::min(removed.size(), added.size()));
        for (int k = 0; k < paired; ++k) {
            AlignedRow row{Kind::Changed, removed.at(k), added.at(k), {}, {}};
            wordSpans(result.fromLines.at(row.fromLine), result.toLines.at(row.toLine),
                      row.fromWords, row.toWords);
            result.rows.append(row);
        }
        for (int k = paired; k < removed.size(); ++k)
            result.rows.append({Kind::Removed, removed.at(k), -1, {}, {}});
        for (int k = paired; k < added.size(); ++k)
            result.rows.append({Kind::Added, -1, added.at(k), {}, {}});
    }
    return result;
}

} // namespace retort
