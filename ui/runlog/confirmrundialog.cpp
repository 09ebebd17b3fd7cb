// SPDX-License-Identifier: Apache-2.0
#include "runlog/confirmrundialog.h"

#include "common/error.h"
#include "editor/scripteditor.h"
#include "lint/scriptlinter.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QKeyEvent>
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
    // The SQL view (QScintilla) takes Esc for itself: the dialog sees it first.
    m_editor->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this);
    m_destructive = int(reasons.size());
    // Lint findings as margin symbols (the rule's text on hover). Text only, no database:
    // quick enough for the GUI thread even for long runs. The run's SQL holds Retort's own
    // BEGIN/COMMIT around each step, so it is linted as SQL that manages its transactions
    // (not as a script Retort wraps in one, where they would be RT402).
    try {
        m_editor->setLintFindings(ScriptLinter::lintSql(sql, dialect, {}, {}, false));
    } catch (const Error&) {
        // SQL the runner wrote from scripts the splitter read: nothing to mark.
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

bool ConfirmRunDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            if (event->type() == QEvent::KeyPress)
                reject();
            event->accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace retort::ui
