// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMessageBox>
#include <QStringList>

namespace retort::ui {

// "This project connects to ... and sends it the values of ...: connect?" Asked by
// ProjectUrlApproval before Studio first connects to a project's own URL. exec() returns
// Connect or DontConnect; Don't Connect is the default and what Esc gives.
class ProjectUrlQuestion : public QMessageBox
{
    Q_OBJECT

public:
    enum Answer { Connect = 1, DontConnect = 0 };

    ProjectUrlQuestion(const QString& configPath, const QString& maskedUrl,
                       const QStringList& variables, QWidget* parent = nullptr);

    int exec() override;

private:
    QPushButton* m_connect;
};

} // namespace retort::ui
