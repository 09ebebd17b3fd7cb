// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "runevent.h"

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
    QString text() const;
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    static QString lineFor(const RunEvent& event);

    QLabel* m_state;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPlainTextEdit* m_log;
};

} // namespace retort::ui
