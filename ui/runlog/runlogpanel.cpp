// SPDX-License-Identifier: Apache-2.0
#include "runlog/runlogpanel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace retort::ui {

RunLogPanel::RunLogPanel(QWidget* parent)
    : QWidget(parent), m_state(new QLabel(tr("No run yet."), this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_log(new QPlainTextEdit(this))
{
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(20000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop the run: the running statement is cancelled and its migration rolled back (Esc)"));
    m_progress->setTextVisible(true);
    m_progress->setVisible(false); // shown from the first run on

    auto* top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_log, 1);
    connect(m_cancel, &QPushButton::clicked, this, &RunLogPanel::cancelRequested);
}

void RunLogPanel::runStarted(const QString& description)
{
    m_state->setText(description);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0); // busy until the plan arrives
    m_cancel->setEnabled(true);
    queueLines({QStringLiteral("== %1").arg(description)});
}

namespace {

// "HH:mm:ss.zzz" of a UTC time in local time, `offsetMs` from UTC. QDateTime::toLocalTime()
// asks the time zone every call: for a dry run's thousands of events that was tens of ms.
QString localClock(const QDateTime& utc, qint64 offsetMs)
{
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    const qint64 ms = ((utc.toMSecsSinceEpoch() + offsetMs) % kDayMs + kDayMs) % kDayMs;
    const auto two = [](qint64 value) { return QString::number(value).rightJustified(2, u'0'); };
    return two(ms / 3600000) + u':' + two(ms / 60000 % 60) + u':' + two(ms / 1000 % 60) + u'.' +
           QString::number(ms % 1000).rightJustified(3, u'0');
}

} // namespace

QString RunLogPanel::milliseconds(qint64 value)
{
    return tr("%1 ms").arg(value);
}

QString RunLogPanel::lineFor(const RunEvent& event, qint64 offsetMs)
{
    const QString time = localClock(event.time, offsetMs);
    const QString step = event.revision.isEmpty() ? QString() : event.revision + QStringLiteral("  ");
    switch (event.type) {
    case RunEvent::Type::Plan:
        return time + QStringLiteral("  ") +
               tr("plan: %n step(s)", nullptr, event.stepCount) + QStringLiteral("  ") + event.text;
    case RunEvent::Type::StepStarted:
        return time + QStringLiteral("  ") + step +
               (event.direction == Direction::Upgrade ? tr("upgrade (%1 of %2) %3")
                                                      : tr("downgrade (%1 of %2) %3"))
                   .arg(event.stepIndex + 1)
                   .arg(event.stepCount)
                   .arg(event.location);
    case RunEvent::Type::Statement:
        if (event.elapsedMs < 0) // a dry run's statement: planned, not run
            return QStringLiteral("%1    %2  %3")
                .arg(time, event.statement.simplified().left(300), event.location);
        return QStringLiteral("%1    %2  [%3]  %4")
            .arg(time, event.statement.simplified().left(300), milliseconds(event.elapsedMs),
                 event.location);
    case RunEvent::Type::StepFinished:
        return time + QStringLiteral("  ") + step + milliseconds(event.elapsedMs);
    case RunEvent::Type::Error:
        return time + QStringLiteral("  ") +
               (event.location.isEmpty() ? tr("ERROR %1").arg(event.text)
                                         : tr("ERROR %1: %2").arg(event.location, event.text));
    case RunEvent::Type::Progress:
        return {};
    case RunEvent::Type::ServerNotice:
        return QStringLiteral("%1    %2  %3").arg(time, event.text, event.location);
    case RunEvent::Type::Notice:
    case RunEvent::Type::Finished:
        return QStringLiteral("%1  %2").arg(time, event.text);
    }
    return {};
}

void RunLogPanel::appendEvents(const QVector<RunEvent>& events)
{
    const qint64 offsetMs = qint64(QDateTime::currentDateTime().offsetFromUtc()) * 1000;
    QStringList lines;
    for (const RunEvent& event : events) {
        if (event.type == RunEvent::Type::Progress || event.type == RunEvent::Type::Plan) {
            m_progress->setRange(0, qMax(1, event.stepCount));
            m_progress->setValue(event.type == RunEvent::Type::Plan ? 0 : event.stepIndex + 1);
        }
        const QString line = lineFor(event, offsetMs);
        if (!line.isEmpty())
            lines << line;
    }
    queueLines(lines);
}

void RunLogPanel::runFinished(const QString& summary, bool failed)
{
    m_cancel->setEnabled(false);
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    if (!failed)
        m_progress->setValue(m_progress->maximum());
    m_state->setText(summary);
    queueLines({summary});
}

QString RunLogPanel::text()
{
    while (!m_queued.isEmpty())
        appendSlice();
    return m_log->toPlainText();
}

void RunLogPanel::queueLines(const QStringList& lines)
{
    m_queued += lines;
    if (m_sliceScheduled || m_queued.isEmpty())
        return;
    m_sliceScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_sliceScheduled = false;
        appendSlice();
        if (!m_queued.isEmpty())
            queueLines({});
    });
}

void RunLogPanel::appendSlice()
{
    constexpr qsizetype kLinesPerSlice = 200;
    const qsizetype count = std::min(kLinesPerSlice, m_queued.size());
    m_log->appendPlainText(m_queued.mid(0, count).join(u'\n'));
    m_queued.remove(0, count);
}

} // namespace retort::ui
