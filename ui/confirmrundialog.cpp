// SPDX-License-Identifier: Apache-2.0
#include "confirmrundialog.h"

#include "destructivesql.h"
#include "error.h"
#include "scripteditor.h"
#include "statementsplitter.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

ConfirmRunDialog::ConfirmRunDialog(const QString& question, const QString& sql, Dialect dialect,
                                   int stepCount, bool rollback, QWidget* parent)
    : QDialog(parent), m_editor(new ScriptEditor(this))
{
    setWindowTitle(rollback ? tr("Confirm rollback") : tr("Confirm upgrade"));
    m_editor->setScript(sql, ScriptEditor::Language::Sql);
    QStringList reasons;
    try {
        for (const SqlStatement& statement : StatementSplitter::split(sql, dialect)) {
            const QString reason = destructiveReason(statement.text);
            if (!reason.isEmpty()) {
                m_editor->markWarningLine(statement.line);
                reasons << tr("line %1 %2").arg(statement.line).arg(reason);
                ++m_destructive;
            }
        }
    } catch (const Error&) {
        // The SQL came from our own scripts through the same splitter; nothing to mark.
    }

    auto* title = new QLabel(question, this);
    QFont font = title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    title->setFont(font);
    auto* summary = new QLabel(this);
    summary->setWordWrap(true);
    QString text = tr("%n migration(s) will run, each in its own transaction. This is the exact SQL:",
                      nullptr, stepCount);
    if (m_destructive > 0) {
        text += QStringLiteral("<br><b style='color:#c62828'>%1</b> %2")
                    .arg(tr("%n statement(s) destroy data:", nullptr, m_destructive),
                         reasons.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    summary->setText(text);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* run = buttons->addButton(rollback ? tr("Roll back") : tr("Upgrade"),
                                          rollback ? QDialogButtonBox::DestructiveRole
                                                   : QDialogButtonBox::AcceptRole);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(run, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(820, 560);
}

} // namespace retort::ui
