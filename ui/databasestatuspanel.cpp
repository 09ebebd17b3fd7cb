// SPDX-License-Identifier: Apache-2.0
#include "databasestatuspanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace retort::ui {

DatabaseStatusPanel::DatabaseStatusPanel(QWidget* parent)
    : QWidget(parent), m_headline(new QLabel(this)), m_detail(new QLabel(this))
{
    QFont font = m_headline->font();
    font.setBold(true);
    m_headline->setFont(font);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addWidget(m_headline);
    layout->addWidget(m_detail);
    setAutoFillBackground(true);
    showChecking(QString());
}

QString DatabaseStatusPanel::headline() const
{
    return m_headline->text();
}

void DatabaseStatusPanel::setTone(const QColor& colour)
{
    QPalette pal = palette();
    QColor background = colour;
    background.setAlpha(40);
    pal.setColor(QPalette::Window, background);
    setPalette(pal);
}

void DatabaseStatusPanel::showChecking(const QString& maskedUrl)
{
    m_headline->setText(maskedUrl.isEmpty() ? tr("No database") : tr("Reading the database..."));
    m_detail->setText(maskedUrl);
    setTone(palette().color(QPalette::Mid));
}

void DatabaseStatusPanel::showStatus(const DatabaseStatus& status)
{
    m_detail->setText(status.maskedUrl);
    if (!status.unknown.isEmpty()) {
        m_headline->setText(tr("At a revision the scripts do not know: %1")
                                .arg(status.unknown.join(QStringLiteral(", "))));
        setTone(QColor(0xd0, 0x30, 0x30));
    } else if (status.isAtHeads()) {
        m_headline->setText(status.heads.isEmpty() ? tr("Empty project")
                                                   : tr("Up to date at %1").arg(status.current.join(QStringLiteral(", "))));
        setTone(QColor(0x2e, 0xa0, 0x43));
    } else if (status.current.isEmpty()) {
        m_headline->setText(tr("Empty database: %n revision(s) to apply", nullptr, status.pendingSteps));
        setTone(QColor(0xd0, 0x90, 0x20));
    } else {
        m_headline->setText(tr("At %1: %n revision(s) behind head", nullptr, status.pendingSteps)
                                .arg(status.current.join(QStringLiteral(", "))));
        setTone(QColor(0xd0, 0x90, 0x20));
    }
}

void DatabaseStatusPanel::showError(const QString& maskedUrl, const QString& message)
{
    m_headline->setText(tr("Cannot read the database"));
    m_detail->setText(maskedUrl + QStringLiteral("\n") + message);
    setTone(QColor(0xd0, 0x30, 0x30));
}

} // namespace retort::ui
