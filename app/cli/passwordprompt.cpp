// SPDX-License-Identifier: Apache-2.0
#include "passwordprompt.h"

#include "common/error.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace retort::cli {

namespace {

// One line from `fd` without its line break; nothing at end of input before any byte.
bool readLine(int fd, QByteArray& line)
{
    line.clear();
    bool any = false;
    char c = 0;
    for (;;) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return any;
        any = true;
        if (c == '\n')
            return true;
        if (c != '\r')
            line.append(c);
    }
}

} // namespace

QString promptPassword(const QString& prompt)
{
    QByteArray line;
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty >= 0) {
        termios saved{};
        const bool terminal = ::tcgetattr(tty, &saved) == 0;
        if (terminal) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            quiet.c_lflag |= ECHONL;
            ::tcsetattr(tty, TCSAFLUSH, &quiet);
        }
        const QByteArray text = prompt.toLocal8Bit();
        [[maybe_unused]] const ssize_t written = ::write(tty, text.constData(), size_t(text.size()));
        const bool got = readLine(tty, line);
        if (terminal)
            ::tcsetattr(tty, TCSAFLUSH, &saved);
        ::close(tty);
        if (got)
            return QString::fromLocal8Bit(line);
    } else if (readLine(STDIN_FILENO, line)) {
        return QString::fromLocal8Bit(line);
    }
    throw Error(ErrorKind::Usage,
                QCoreApplication::translate("retort::cli", "--password-prompt: no password was "
                                                           "typed (no terminal, and standard "
                                                           "input is empty)"));
}

} // namespace retort::cli
