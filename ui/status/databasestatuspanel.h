// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/databasestatus.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace retort::ui {

// A banner over the history saying, for a support engineer at a glance, where the database
// stands: at head, how many revisions behind, or at a revision the scripts do not know; then
// applied scripts changed since they ran, and who holds the migration lock.
class DatabaseStatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DatabaseStatusPanel(QWidget* parent = nullptr);

    void showChecking(const QString& maskedUrl);
    void showStatus(const DatabaseStatus& status);
    void showError(const QString& maskedUrl, const QString& message);
    // The read was cancelled before the database answered.
    void showCancelled(const QString& maskedUrl);
    QString headline() const;
    // The lock and changed-scripts lines; empty when there is nothing to say.
    QString lockText() const;
    QString changedScriptsText() const;

    // "Locked by alice@host (pid 1234) since 10:02"; `now` decides whether the date is shown.
    static QString lockSentence(const LockHolder& lock, const QDateTime& now);
    // "2 applied scripts changed since they ran: 1b6fc84e07d9, 7d41b0e9c6a2"
    static QString changedScriptsSentence(const QStringList& revisions);

Q_SIGNALS:
    // The status shown now, for panels that plan from it (the revision details).
    void statusShown(const retort::DatabaseStatus& status);
    // The state is not known: no database, still reading, or unreadable; `reason` says which.
    void statusUnknown(const QString& reason);
    // The Cancel button, shown while the database is being read.
    void cancelRequested();

private:
    void setTone(const QColor& colour);
    void setLine(QLabel* label, const QString& text);

    QLabel* m_headline;
    QLabel* m_changed;
    QLabel* m_lock;
    QLabel* m_detail;
    QPushButton* m_cancel;
};

} // namespace retort::ui
