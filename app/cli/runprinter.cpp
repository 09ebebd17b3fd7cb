// SPDX-License-Identifier: Apache-2.0
#include "runprinter.h"

#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace retort::cli {

namespace {

QString directionWord(Direction direction)
{
    return direction == Direction::Upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

QString oneLine(const QString& sql)
{
    QString line = sql.simplified();
    if (line.size() > 100)
        line = line.left(97) + QStringLiteral("...");
    return line;
}

} // namespace

RunPrinter::RunPrinter(QTextStream& out, QTextStream& err, Style style, bool colour, bool verbose)
    : m_out(out), m_err(err), m_style(style), m_colour(colour), m_verbose(verbose)
{
}

RunPrinter RunPrinter::forConsole(QTextStream& out, QTextStream& err, bool json, bool verbose)
{
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const bool colour = terminal && qEnvironmentVariableIsEmpty("NO_COLOR");
    const Style style = json ? Style::Json : terminal ? Style::Terminal : Style::Plain;
    return RunPrinter(out, err, style, colour, verbose);
}

QString RunPrinter::coloured(const QString& text, const char* code) const
{
    if (!m_colour)
        return text;
    return QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text);
}

void RunPrinter::print(const RunEvent& event)
{
    if (m_style == Style::Json) {
        m_out << QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) << '\n';
        m_out.flush();
        return;
    }
    if (m_style == Style::Terminal && event.type == RunEvent::Type::Progress) {
        drawProgressBar(event);
        return;
    }
    if (m_style == Style::Terminal && event.type == RunEvent::Type::Statement && !m_verbose)
        return; // the bar shows the step; statements would scroll it away
    clearProgressBar();
    printPlain(event);
}

void RunPrinter::printPlain(const RunEvent& event)
{
    switch (event.type) {
    case RunEvent::Type::Plan:
        m_err << (event.stepCount == 0 ? QStringLiteral("Nothing to do.")
                                       : QStringLiteral("Plan: %1 step(s)").arg(event.stepCount))
              << '\n';
        if (!event.text.isEmpty() && m_verbose)
            m_err << event.text << '\n';
        break;
    case RunEvent::Type::StepStarted:
        m_currentStep = QStringLiteral("%1 %2").arg(directionWord(event.direction), event.revision);
        if (m_style == Style::Plain)
            m_err << QStringLiteral("[%1/%2] %3").arg(event.stepIndex + 1).arg(event.stepCount).arg(m_currentStep)
                  << (event.text.isEmpty() ? QString() : QStringLiteral(", ") + event.text) << '\n';
        break;
    case RunEvent::Type::Statement:
        if (!m_verbose)
            break;
        m_err << QStringLiteral("    ") << oneLine(event.statement);
        if (event.elapsedMs >= 0)
            m_err << QStringLiteral("  (%1 ms)").arg(event.elapsedMs);
        if (!event.location.isEmpty())
            m_err << QStringLiteral("  ") << event.location;
        m_err << '\n';
        break;
    case RunEvent::Type::StepFinished:
        if (m_style == Style::Terminal)
            m_err << coloured(QStringLiteral("done"), "32") << ' ' << m_currentStep << ' '
                  << QStringLiteral("(%1 ms)").arg(event.elapsedMs) << '\n';
        break;
    case RunEvent::Type::Notice:
        m_err << event.text << '\n';
        break;
    case RunEvent::Type::ServerNotice:
        m_err << QStringLiteral("    ") << coloured(event.text, "33")
              << (event.location.isEmpty() ? QString() : QStringLiteral("  ") + event.location)
              << '\n';
        break;
    case RunEvent::Type::Error:
        // The run throws the same message next, and the command prints it once
        // ("retort upgrade: error: ...").
        break;
    case RunEvent::Type::Finished:
        m_err << event.text << '\n';
        break;
    case RunEvent::Type::Progress:
        break;
    }
    m_err.flush();
}

void RunPrinter::drawProgressBar(const RunEvent& event)
{
    const int width = 30;
    const int done = event.stepCount > 0 ? (event.stepIndex + 1) * width / event.stepCount : width;
    const QString bar = QString(done, u'#') + QString(width - done, u'-');
    m_err << '\r' << QStringLiteral("[%1] %2/%3 %4").arg(bar).arg(event.stepIndex + 1).arg(event.stepCount)
                         .arg(m_currentStep)
          << "\x1b[K";
    m_err.flush();
    m_barShown = true;
}

void RunPrinter::clearProgressBar()
{
    if (m_barShown) {
        m_err << "\r\x1b[K";
        m_barShown = false;
    }
}

} // namespace retort::cli
