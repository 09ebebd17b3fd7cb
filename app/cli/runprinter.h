// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/runevent.h"

#include <QTextStream>

namespace retort::cli {

// Shows a run's events: a progress bar on a terminal, plain lines when output goes to a file
// or pipe, or one JSON object per line (--json). Colour only on a terminal and only when
// NO_COLOR is not set. Statements are shown with --verbose.
class RunPrinter
{
public:
    enum class Style { Terminal, Plain, Json };

    RunPrinter(QTextStream& out, QTextStream& err, Style style, bool colour, bool verbose);
    // Picks the style for this process: Json when asked, Terminal when stderr is a terminal.
    static RunPrinter forConsole(QTextStream& out, QTextStream& err, bool json, bool verbose);

    void print(const RunEvent& event);

private:
    void printPlain(const RunEvent& event);
    void drawProgressBar(const RunEvent& event);
    void clearProgressBar();
    QString coloured(const QString& text, const char* code) const;

    QTextStream& m_out;
    QTextStream& m_err;
    Style m_style;
    bool m_colour;
    bool m_verbose;
    bool m_barShown = false;
    QString m_currentStep;
};

} // namespace retort::cli
