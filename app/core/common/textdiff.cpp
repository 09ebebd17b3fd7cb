// SPDX-License-Identifier: Apache-2.0
#include "common/textdiff.h"

#include <algorithm>
#include <vector>

namespace retort {

namespace {

using Kind = DiffLine::Kind;

// Myers' greedy forward search over the middle part (common prefix and suffix removed),
// keeping each round's furthest-reaching x per diagonal for the walk back.
class MyersSearch
{
public:
    MyersSearch(const QStringList& a, int aBegin, int aEnd, const QStringList& b, int bBegin,
                int bEnd)
        : m_a(a), m_b(b), m_aBegin(aBegin), m_bBegin(bBegin), m_n(aEnd - aBegin), m_m(bEnd - bBegin)
    {
    }

    // Appends the edit script of the middle part to `out`; false when it needs more than
    // `maxEdits` edits (nothing appended then).
    bool run(int maxEdits, QVector<DiffLine>& out)
    {
        const int limit = std::min(m_n + m_m, maxEdits);
        std::vector<int> v(size_t(2 * limit + 3), 0);
        const int offset = limit + 1;
        for (int d = 0; d <= limit; ++d) {
            m_trace.emplace_back(v.begin() + offset - d - 1, v.begin() + offset + d + 2);
            for (int k = -d; k <= d; k += 2) {
                int x = down(v, offset, k, d) ? v[size_t(offset + k + 1)]
                                              : v[size_t(offset + k - 1)] + 1;
                int y = x - k;
                while (x < m_n && y < m_m && a(x) == b(y)) {
                    ++x;
                    ++y;
                }
                v[size_t(offset + k)] = x;
                if (x >= m_n && y >= m_m) {
                    walkBack(d, out);
                    return true;
                }
            }
        }
        return false;
    }

private:
    const QString& a(int i) const { return m_a[m_aBegin + i]; }
    const QString& b(int i) const { return m_b[m_bBegin + i]; }

    // Whether diagonal k is reached from k + 1 (an addition) rather than k - 1 (a removal).
    static bool down(const std::vector<int>& v, int offset, int k, int d)
    {
        return k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]);
    }

    // m_trace[d] holds diagonals -d-1 .. d+1 as they were before round d.
    int traced(int d, int k) const { return m_trace[size_t(d)][size_t(k + d + 1)]; }

    void walkBack(int rounds, QVector<DiffLine>& out) const
    {
        QVector<DiffLine> reversed;
        int x = m_n;
        int y = m_m;
        for (int d = rounds; d >= 0; --d) {
            const int k = x - y;
            const bool fromAbove = k == -d || (k != d && traced(d, k - 1) < traced(d, k + 1));
            const int previousK = fromAbove ? k + 1 : k - 1;
            const int previousX = d == 0 ? 0 : traced(d, previousK);
            const int previousY = d == 0 ? 0 : previousX - previousK;
            while (x > previousX && y > previousY) {
                --x;
                --y;
                reversed.append({Kind::Same, a(x)});
            }
            if (d == 0)
                break;
            if (fromAbove)
                reversed.append({Kind::Added, b(--y)});
            else
                reversed.append({Kind::Removed, a(--x)});
        }
        std::reverse(reversed.begin(), reversed.end());
        out += reversed;
    }

    const QStringList& m_a;
    const QStringList& m_b;
    int m_aBegin;
    int m_bBegin;
    int m_n;
    int m_m;
    std::vector<std::vector<int>> m_trace;
};

// A hunk: entries [begin, end) of the edit script.
struct Hunk
{
    int begin = 0;
    int end = 0;
};

QVector<Hunk> hunksOf(const QVector<DiffLine>& script, int context)
{
    QVector<Hunk> hunks;
    for (int i = 0; i < script.size(); ++i) {
        if (script[i].kind == Kind::Same)
            continue;
        const int begin = std::max(0, i - context);
        int last = i; // the last change of this hunk
        for (int j = i + 1; j < script.size() && j <= last + 2 * context; ++j) {
            if (script[j].kind != Kind::Same)
                last = j;
        }
        hunks.append({begin, std::min(int(script.size()), last + 1 + context)});
        i = last;
    }
    return hunks;
}

QString range(int firstLine, int count)
{
    // diff -u: a one-line range is just its line; an empty one names the line before it.
    if (count == 1)
        return QString::number(firstLine);
    return QStringLiteral("%1,%2").arg(count == 0 ? firstLine - 1 : firstLine).arg(count);
}

} // namespace

QStringList TextDiff::lines(const QString& text)
{
    QStringList result = text.split(u'\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

QVector<DiffLine> TextDiff::diff(const QStringList& before, const QStringList& after)
{
    int prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    const int beforeEnd = int(before.size()) - suffix;
    const int afterEnd = int(after.size()) - suffix;

    QVector<DiffLine> script;
    for (int i = 0; i < prefix; ++i)
        script.append({Kind::Same, before[i]});
    MyersSearch search(before, prefix, beforeEnd, after, prefix, afterEnd);
    if (!search.run(kMaxEdits, script)) {
        for (int i = prefix; i < beforeEnd; ++i)
            script.append({Kind::Removed, before[i]});
        for (int i = prefix; i < afterEnd; ++i)
            script.append({Kind::Added, after[i]});
    }
    for (int i = beforeEnd; i < before.size(); ++i)
        script.append({Kind::Same, before[i]});
    return script;
}

QString TextDiff::unified(const QString& before, const QString& after, const QString& beforeName,
                          const QString& afterName, int context)
{
    const QVector<DiffLine> script = diff(lines(before), lines(after));
    const QVector<Hunk> hunks = hunksOf(script, context);
    if (hunks.isEmpty())
        return {};
    // Line numbers (1-based) of the next before/after line at each entry.
    QVector<int> beforeLine(script.size() + 1);
    QVector<int> afterLine(script.size() + 1);
    beforeLine[0] = afterLine[0] = 1;
    for (int i = 0; i < script.size(); ++i) {
        beforeLine[i + 1] = beforeLine[i] + (script[i].kind != Kind::Added ? 1 : 0);
        afterLine[i + 1] = afterLine[i] + (script[i].kind != Kind::Removed ? 1 : 0);
    }
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(beforeName, afterName);
    for (const Hunk& hunk : hunks) {
        out +=
            QStringLiteral("@@ -%1 +%2 @@\n")
                .arg(range(beforeLine[hunk.begin], beforeLine[hunk.end] - beforeLine[hunk.begin]),
                     range(afterLine[hunk.begin], afterLine[hunk.end] - afterLine[hunk.begin]));
        for (int i = hunk.begin; i < hunk.end; ++i) {
            const QChar marker = script[i].kind == Kind::Same      ? u' '
                                 : script[i].kind == Kind::Removed ? u'-'
                                                                   : u'+';
            out += marker + script[i].text + u'\n';
        }
    }
    return out;
}

} // namespace retort
