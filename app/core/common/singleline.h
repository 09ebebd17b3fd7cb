// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort {

// Text from outside (a database's names, a file name, a model, a script's message) made safe
// for one line of a SQL comment or of a terminal: line breaks, other control characters
// (C0, DEL, C1), Unicode line and paragraph separators and bidirectional overrides are written
// as escapes (\n, \r, \t, \x1b, \u2028). Such text could otherwise end a "-- " comment and
// become SQL, or move the cursor and repaint what a person reads. Everything else, including
// backslashes, stays as it is.
QString singleLine(const QString& text);

// Whether singleLine() would change `text`.
bool hasLineBreakOrControl(const QString& text);

} // namespace retort
