// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/runevent.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace retort::ui {

// The live log of a run: statements with their timings, notices and errors, a progress bar
// and a Cancel button. Events arrive in batches and are appended in one go.
class RunLogPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunLogPanel(QWidget* parent = nullptr);

    void runStarted(const QString& description);
    void appendEvents(const QVector<RunEvent>& events);
    void runFinished(const QString& summary, bool failed);
    // Everything logged so far (lines still queued included).
    QString text();
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    // One log line; `offsetMs`: local time's offset from UTC.
    static QString lineFor(const RunEvent& event, qint64 offsetMs);
    static QString milliseconds(qint64 value);
    // Lines reach the view in slices, each its own event-loop turn: a dry run's thousands of
    // statements arrive at once, and one big append stalled the window for 40 ms.
    void queueLines(const QStringList& lines);
    void appendSlice();

    QStringList m_queued;
    bool m_sliceScheduled = false;

    QLabel* m_state;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPlainTextEdit* m_log;
};

} // namespace retort::ui
