// SPDX-License-Identifier: Apache-2.0
#include "runlog/confirmrundialog.h"

#include "editor/scripteditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace retort::ui {

ConfirmRunDialog::ConfirmRunDialog(const QString& question, const QString& sql, Dialect dialect,
                                   const QString& versionTable, int stepCount, bool rollback,
                                   QWidget* parent, const LintSchema& before)
    : QDialog(parent), m_editor(new ScriptEditor(this))
{
    setWindowTitle(rollback ? tr("Confirm rollback") : tr("Confirm upgrade"));
    m_editor->setScript(sql, ScriptEditor::Language::Sql);
    const QStringList reasons = m_editor->markDestructiveStatements(dialect, versionTable, before);
    // The SQL view (QScintilla) takes Esc for itself: the dialog's shortcut comes first.
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &QDialog::reject);
    escape->setContext(Qt::WindowShortcut);
    m_destructive = int(reasons.size());

    auto* title = new QLabel(question, this);
    QFont font = title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    title->setFont(font);
    auto* summary = new QLabel(this);
    summary->setWordWrap(true);
    QString text = tr("%n migration(s) will run, each in its own transaction. This is the exact SQL:",
                      nullptr, stepCount);
    if (m_destructive > 0)
        text += QStringLiteral("<br>") + ScriptEditor::destructiveSummaryHtml(reasons);
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
