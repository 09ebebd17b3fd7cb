// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace retort::cli {

// --password-prompt: asks for a database password on the terminal (/dev/tty) without echoing
// it, as psql -W does, so that it never appears in the process list or the shell's history.
// Without a terminal (a script, CI) one line is read from standard input instead, so that
// `retort --password-prompt ... < file` works. Throws Error(Usage) when nothing can be read.
QString promptPassword(const QString& prompt);

} // namespace retort::cli
