// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// A changed stretch of one line: characters [start, start + length).
struct WordSpan
{
    int start = 0;
    int length = 0;
    bool operator==(const WordSpan& other) const
    {
        return start == other.start && length == other.length;
    }
};

// One row of two texts shown side by side. A row is a line of each side, or a line of one side
// facing a filler (no line) on the other, so that both panes have the same rows.
struct AlignedRow
{
    enum class Kind {
        Same,    // the same line on both sides
        Changed, // a line on each side, differing in the words listed
        Removed, // a line only `from` has; filler on the `to` side
        Added    // a line only `to` has; filler on the `from` side
    };

    Kind kind = Kind::Same;
    int fromLine = -1; // 0-based line of `from`; -1: filler
    int toLine = -1;
    QVector<WordSpan> fromWords; // Changed rows: what differs, in each side's line
    QVector<WordSpan> toWords;
};

// Two texts aligned row by row (see SideBySideDiff::align).
struct SideBySide
{
    QStringList fromLines;
    QStringList toLines;
    QVector<AlignedRow> rows;

    bool isEqual() const;
    // Each side as shown: its lines with an empty line for each filler row, so that both
    // texts have rows.size() lines and row i is line i on both.
    QString fromText() const;
    QString toText() const;
    // The first row of each run of rows that differ, in order: where "next difference" goes.
    QVector<int> differenceStarts() const;
    // Adds `more` below these rows (its line numbers shifted past these lines): several
    // alignments shown as one text, e.g. a whole schema object by object.
    void append(const SideBySide& more);
};

// Side-by-side alignment for review screens (Meld, KDiff3): the line diff (TextDiff), in which
// each run of removed lines followed by added lines is paired line by line as Changed rows
// (the surplus of either side facing fillers), and each Changed pair diffed again by words
// (runs of letters, digits and '_'; runs of spaces; single other characters).
class SideBySideDiff
{
public:
    static SideBySide align(const QString& from, const QString& to);
    // The changed spans of two lines, each in its own line's characters.
    static void wordSpans(const QString& from, const QString& to, QVector<WordSpan>& fromSpans,
                          QVector<WordSpan>& toSpans);
    // The words (see above) of a line, in order; joined they give the line again.
    static QStringList words(const QString& line);

    // Lines longer than this are marked whole instead of diffed word by word.
    static constexpr int kMaxWordDiffLength = 2000;
};

} // namespace retort
