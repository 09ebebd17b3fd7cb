// SPDX-License-Identifier: Apache-2.0
#include "detail/scriptchangetab.h"

#include "common/sidebysidediff.h"
#include "compare/sidebysideview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace retort::ui {

ScriptChangeTab::ScriptChangeTab(QWidget* parent)
    : QWidget(parent), m_message(new QLabel(this)), m_view(new SideBySideView(this))
{
    m_message->setObjectName(QStringLiteral("scriptChangeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setTitles(tr("As it ran"), tr("The file now"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
}

QString ScriptChangeTab::message() const
{
    return m_message->text();
}

void ScriptChangeTab::showCheck(const ScriptCheck& check)
{
    const QString intro =
        tr("This script changed after it was applied: the database ran the text on the left, "
           "and running the project again would not do the same (\"retort verify\" reports it).");
    if (!check.textRecorded) {
        m_message->setText(intro + QStringLiteral("\n") +
                           tr("The history kept no text of what ran, only its checksum "
                              "(%1; the file's is now %2).")
                               .arg(check.recordedChecksum.left(12), check.checksum.left(12)));
        m_view->clear();
        m_view->hide();
        return;
    }
    m_message->setText(intro);
    m_view->show();
    m_view->showAlignment(SideBySideDiff::align(check.appliedText, check.currentText));
}

} // namespace retort::ui
