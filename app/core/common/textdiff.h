// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace retort {

// One line of a line diff.
struct DiffLine
{
    enum class Kind { Same, Removed, Added };

    Kind kind = Kind::Same;
    QString text;
};

// Line diffs: Myers' O(ND) shortest edit script, and its unified form (what `diff -u`
// prints). Pure; computed in core so that the CLI and Studio show the same diff.
class TextDiff
{
public:
    // The lines of `text`, split at '\n' (a final newline does not start another line).
    static QStringList lines(const QString& text);

    // A shortest edit script turning `before` into `after`: every line of both, in order.
    // Beyond kMaxEdits differences the rest is given as one removal and one addition
    // (still correct, no longer shortest) so that time and memory stay bounded.
    static QVector<DiffLine> diff(const QStringList& before, const QStringList& after);

    // The unified diff of two texts with `context` lines around each change, headed by
    // "--- beforeName" and "+++ afterName"; empty when the lines are equal.
    static QString unified(const QString& before, const QString& after, const QString& beforeName,
                           const QString& afterName, int context = 3);

    static constexpr int kMaxEdits = 2000;
};

} // namespace retort
