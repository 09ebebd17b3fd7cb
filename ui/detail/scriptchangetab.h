// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "run/scriptverifier.h"

#include <QWidget>

class QLabel;

namespace retort::ui {

class SideBySideView;

// The detail panel's "Changed since applied" tab, shown for an applied revision whose script
// file changed since it ran (what `retort verify` reports): the text that ran beside the file
// now, or the two checksums when the history kept no text.
class ScriptChangeTab : public QWidget
{
    Q_OBJECT

public:
    explicit ScriptChangeTab(QWidget* parent = nullptr);

    // `check` must be a Changed one.
    void showCheck(const ScriptCheck& check);

    SideBySideView* view() const { return m_view; }
    QString message() const;

private:
    QLabel* m_message;
    SideBySideView* m_view;
};

} // namespace retort::ui
