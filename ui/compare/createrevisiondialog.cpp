// SPDX-License-Identifier: Apache-2.0
#include "compare/createrevisiondialog.h"

#include "graph/revisiongraph.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace retort::ui {

CreateRevisionDialog::CreateRevisionDialog(const RevisionGraph& graph, const QString& suggestedParent,
                                           bool edited, QWidget* parent)
    : QDialog(parent), m_graph(graph), m_message(new QLineEdit(this)), m_parent(new QComboBox(this)),
      m_branch(new QLineEdit(this)), m_note(new QLabel(this))
{
    setWindowTitle(tr("Create Revision"));
    m_message->setObjectName(QStringLiteral("messageEdit"));
    m_parent->setObjectName(QStringLiteral("parentBox"));
    m_branch->setObjectName(QStringLiteral("branchEdit"));
    m_message->setPlaceholderText(tr("What the migration does"));
    m_branch->setPlaceholderText(tr("label of the new branch"));
    // Heads first (the usual parents), then every other revision, newest first, for a branch.
    QVector<int> heads = graph.heads();
    for (int head : heads)
        m_parent->addItem(tr("%1 (head) %2").arg(graph.id(head), graph.revision(head).message),
                          graph.id(head));
    if (graph.count() == 0)
        m_parent->addItem(tr("base (a new history)"), QStringLiteral("base"));
    for (int i = graph.count() - 1; i >= 0; --i) {
        if (!heads.contains(i))
            m_parent->addItem(tr("%1 (new branch) %2").arg(graph.id(i), graph.revision(i).message),
                              graph.id(i));
    }
    const int suggested = m_parent->findData(suggestedParent);
    if (suggested >= 0)
        m_parent->setCurrentIndex(suggested);
    m_note->setWordWrap(true);
    if (edited)
        m_note->setText(tr("The script keeps your edits to the generated SQL."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Parent:"), m_parent);
    form->addRow(tr("&Branch label:"), m_branch);
    form->addRow(m_note);
    form->addRow(buttons);
    connect(m_parent, &QComboBox::currentIndexChanged, this, &CreateRevisionDialog::updateState);
    connect(m_message, &QLineEdit::textChanged, this, &CreateRevisionDialog::updateState);
    connect(m_branch, &QLineEdit::textChanged, this, &CreateRevisionDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

NewRevision CreateRevisionDialog::request() const
{
    NewRevision request;
    request.message = m_message->text().trimmed();
    const QString parent = m_parent->currentData().toString();
    request.parents = {parent};
    const int index = m_graph.count() ? m_graph.indexOf(parent) : -1;
    if (index >= 0 && !m_graph.heads().contains(index)) {
        request.splice = true;
        if (!m_branch->text().trimmed().isEmpty())
            request.branchLabels = {m_branch->text().trimmed()};
    }
    return request;
}

void CreateRevisionDialog::updateState()
{
    const QString parent = m_parent->currentData().toString();
    const int index = m_graph.count() ? m_graph.indexOf(parent) : -1;
    const bool branch = index >= 0 && !m_graph.heads().contains(index);
    m_branch->setEnabled(branch);
    auto* buttons = findChild<QDialogButtonBox*>();
    if (buttons)
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_message->text().trimmed().isEmpty());
}

} // namespace retort::ui
