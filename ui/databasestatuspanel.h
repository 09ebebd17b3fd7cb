// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "databasestatus.h"

#include <QWidget>

class QLabel;

namespace retort::ui {

// A banner over the history saying, for a support engineer at a glance, where the database
// stands: at head, how many revisions behind, or at a revision the scripts do not know.
class DatabaseStatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DatabaseStatusPanel(QWidget* parent = nullptr);

    void showChecking(const QString& maskedUrl);
    void showStatus(const DatabaseStatus& status);
    void showError(const QString& maskedUrl, const QString& message);
    QString headline() const;

private:
    void setTone(const QColor& colour);

    QLabel* m_headline;
    QLabel* m_detail;
};

} // namespace retort::ui
