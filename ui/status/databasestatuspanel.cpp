// SPDX-License-Identifier: Apache-2.0
#include "status/databasestatuspanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

const QColor kGood(0x2e, 0xa0, 0x43);
const QColor kWarning(0xd0, 0x90, 0x20);
const QColor kBad(0xd0, 0x30, 0x30);

// How many changed revisions the banner names before "…".
constexpr int kNamedRevisions = 3;

QString clockTime(const QDateTime& when, const QDateTime& now)
{
    const QDateTime local = when.toLocalTime();
    return local.date() == now.toLocalTime().date()
               ? local.toString(QStringLiteral("HH:mm"))
               : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

DatabaseStatusPanel::DatabaseStatusPanel(QWidget* parent)
    : QWidget(parent), m_headline(new QLabel(this)), m_changed(new QLabel(this)),
      m_lock(new QLabel(this)), m_detail(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    QFont font = m_headline->font();
    font.setBold(true);
    m_headline->setFont(font);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    for (QLabel* label : {m_headline, m_changed, m_lock, m_detail}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    auto* top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(m_cancel);
    layout->addLayout(top);
    for (QLabel* label : {m_changed, m_lock, m_detail})
        layout->addWidget(label);
    m_cancel->setObjectName(QStringLiteral("cancelReadButton"));
    m_cancel->setToolTip(tr("Stop waiting for the database (Esc)"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &DatabaseStatusPanel::cancelRequested);
    m_changed->setObjectName(QStringLiteral("changedScriptsLabel"));
    m_lock->setObjectName(QStringLiteral("lockLabel"));
    setAutoFillBackground(true);
    showChecking(QString());
}

QString DatabaseStatusPanel::headline() const
{
    return m_headline->text();
}

QString DatabaseStatusPanel::lockText() const
{
    return m_lock->text();
}

QString DatabaseStatusPanel::changedScriptsText() const
{
    return m_changed->text();
}

QString DatabaseStatusPanel::lockSentence(const LockHolder& lock, const QDateTime& now)
{
    if (!lock.held)
        return {};
    QString text = tr("Locked by %1").arg(lock.describe());
    if (lock.since.isValid()) {
        // PostgreSQL does not record when an advisory lock was taken: its session start is
        // the nearest fact.
        text += lock.serverPid > 0 ? tr(", session started %1").arg(clockTime(lock.since, now))
                                   : tr(" since %1").arg(clockTime(lock.since, now));
    }
    return text;
}

QString DatabaseStatusPanel::changedScriptsSentence(const QStringList& revisions)
{
    if (revisions.isEmpty())
        return {};
    QStringList named = revisions.mid(0, kNamedRevisions);
    if (revisions.size() > kNamedRevisions)
        named << QStringLiteral("…");
    return tr("%n applied script(s) changed since they ran: %1", nullptr, int(revisions.size()))
        .arg(named.join(QStringLiteral(", ")));
}

void DatabaseStatusPanel::setTone(const QColor& colour)
{
    QPalette pal = palette();
    QColor background = colour;
    background.setAlpha(40);
    pal.setColor(QPalette::Window, background);
    setPalette(pal);
}

void DatabaseStatusPanel::setLine(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void DatabaseStatusPanel::showChecking(const QString& maskedUrl)
{
    m_headline->setText(maskedUrl.isEmpty() ? tr("No database") : tr("Reading the database..."));
    m_cancel->setVisible(!maskedUrl.isEmpty());
    setLine(m_changed, QString());
    setLine(m_lock, QString());
    m_detail->setText(maskedUrl);
    setTone(palette().color(QPalette::Mid));
    Q_EMIT statusUnknown(maskedUrl.isEmpty() ? tr("No database is set for this project.")
                                             : tr("Reading the database..."));
}

void DatabaseStatusPanel::showCancelled(const QString& maskedUrl)
{
    m_cancel->hide();
    m_headline->setText(tr("Not read: cancelled (F5 reads again)"));
    setLine(m_changed, QString());
    setLine(m_lock, QString());
    m_detail->setText(maskedUrl);
    setTone(palette().color(QPalette::Mid));
    Q_EMIT statusUnknown(tr("The database was not read: cancelled."));
}

void DatabaseStatusPanel::showStatus(const DatabaseStatus& status)
{
    m_cancel->hide();
    m_detail->setText(status.maskedUrl);
    QColor tone = kWarning;
    if (!status.unknown.isEmpty()) {
        m_headline->setText(tr("At a revision the scripts do not know: %1")
                                .arg(status.unknown.join(QStringLiteral(", "))));
        tone = kBad;
    } else if (status.isAtHeads()) {
        m_headline->setText(
            status.heads.isEmpty()
                ? tr("Empty project")
                : tr("Up to date at %1").arg(status.current.join(QStringLiteral(", "))));
        tone = kGood;
    } else if (!status.databaseExists) {
        m_headline->setText(tr("No such database file: an upgrade creates it (%n revision(s) to "
                               "apply)", nullptr, status.pendingSteps));
    } else if (status.current.isEmpty()) {
        m_headline->setText(
            tr("Empty database: %n revision(s) to apply", nullptr, status.pendingSteps));
    } else {
        m_headline->setText(tr("At %1: %n revision(s) behind head", nullptr, status.pendingSteps)
                                .arg(status.current.join(QStringLiteral(", "))));
    }

    QString changed = changedScriptsSentence(status.changedRevisions());
    if (!status.scriptCheckError.isEmpty())
        changed = tr("Cannot compare the applied scripts: %1").arg(status.scriptCheckError);
    setLine(m_changed, changed);
    QStringList paths;
    for (const ScriptCheck& check : status.changedScripts)
        paths << check.path;
    m_changed->setToolTip(paths.join(u'\n'));
    setLine(m_lock, lockSentence(status.lock, QDateTime::currentDateTime()));
    if (tone == kGood && (!changed.isEmpty() || status.lock.held))
        tone = kWarning; // at head, but something needs a look
    setTone(tone);
    Q_EMIT statusShown(status);
}

void DatabaseStatusPanel::showError(const QString& maskedUrl, const QString& message)
{
    m_cancel->hide();
    m_headline->setText(tr("Cannot read the database"));
    setLine(m_changed, QString());
    setLine(m_lock, QString());
    m_detail->setText(maskedUrl + QStringLiteral("\n") + message);
    setTone(kBad);
    Q_EMIT statusUnknown(tr("Cannot read the database: %1").arg(message));
}

} // namespace retort::ui
