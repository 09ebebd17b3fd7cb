// SPDX-License-Identifier: Apache-2.0
#include "connection/connectiondialog.h"

#include "connection/connectionform.h"
#include "connection/connectionprofiles.h"
#include "connection/connectiontester.h"
#include "connection/profilelistpane.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort::ui {

ConnectionDialog::ConnectionDialog(ConnectionProfiles* profiles, QWidget* parent)
    : QDialog(parent), m_profiles(profiles), m_pane(new ProfileListPane(profiles, this)),
      m_form(new ConnectionForm(this)), m_tester(new ConnectionTester(this))
{
    setWindowTitle(tr("Connect to Database"));
    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    setTip(m_testButton, tr("Connect once, in the background, and show the server's version or "
                            "why it failed"));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* test = new QHBoxLayout;
    test->addWidget(m_testButton, 0, Qt::AlignTop);
    test->addWidget(m_testResult, 1);

    auto* right = new QVBoxLayout;
    right->addWidget(m_form);
    right->addLayout(test);
    right->addStretch(1);
    auto* panes = new QHBoxLayout;
    panes->addWidget(m_pane);
    panes->addLayout(right, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Use this database in the window"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(panes, 1);
    layout->addWidget(m_buttons);

    connect(m_form, &ConnectionForm::urlChanged, this, &ConnectionDialog::onUrlChanged);
    connect(m_pane, &ProfileListPane::chosen, this, &ConnectionDialog::onProfileChosen);
    connect(m_pane, &ProfileListPane::saveFailed, m_form, &ConnectionForm::showProblem);
    connect(m_profiles, &ConnectionProfiles::passwordRead, this, &ConnectionDialog::onPasswordRead);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_tester, &ConnectionTester::finished, this, &ConnectionDialog::showTestResult);
    onUrlChanged(m_form->url());
    resize(860, 500);
}

ConnectionDialog::~ConnectionDialog()
{
    // QDialog's destructor hides the dialog and QWidget's deletes the children, and both still
    // make children emit (editingFinished on focus out...): this object's members are gone by
    // then, so nothing may reach it any more.
    const QList<QObject*> children = findChildren<QObject*>();
    for (QObject* child : children)
        disconnect(child, nullptr, this, nullptr);
}

void ConnectionDialog::setUrl(const QString& url, const QString& preferredProfile)
{
    m_form->setUrl(url);
    m_pane->selectProfileWithUrl(m_form->urlWithoutPassword(), preferredProfile);
}

QString ConnectionDialog::url() const
{
    return m_form->url();
}

QString ConnectionDialog::maskedUrl() const
{
    return m_form->maskedUrl();
}

QString ConnectionDialog::profileName() const
{
    return m_pane->selectedProfile(m_form->urlWithoutPassword());
}

void ConnectionDialog::setRecentUrls(const QStringList& urls)
{
    m_pane->setRecentUrls(urls);
}

void ConnectionDialog::setConnectTimeout(int seconds)
{
    m_tester->setConnectTimeout(seconds);
}

bool ConnectionDialog::isTesting() const
{
    return m_tester->isTesting();
}

void ConnectionDialog::onUrlChanged(const QString& url)
{
    const bool valid = !url.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_testButton->setEnabled(valid && !isTesting());
    m_pane->setUrlToSave(url);
}

void ConnectionDialog::onProfileChosen(const QString& url, const QString& profile)
{
    m_awaitedProfile.clear();
    if (!m_form->setUrl(url) || profile.isEmpty() || m_form->dialect() == Dialect::Sqlite)
        return;
    m_awaitedProfile = profile;
    m_form->awaitPassword();
    m_profiles->readPassword(profile);
}

void ConnectionDialog::onPasswordRead(const QString& name, const QString& password)
{
    if (name != m_awaitedProfile)
        return;
    m_awaitedProfile.clear();
    m_form->fillAwaitedPassword(password);
}

void ConnectionDialog::testConnection()
{
    if (url().isEmpty() || isTesting())
        return;
    m_testButton->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Connecting to %1...").arg(maskedUrl()));
    m_tester->test(url());
}

void ConnectionDialog::showTestResult(bool succeeded, const QString& message)
{
    m_testResult->setStyleSheet(succeeded ? QStringLiteral("color: #2e7d32")
                                          : QStringLiteral("color: #c62828"));
    m_testResult->setText(message);
    m_testButton->setEnabled(!url().isEmpty());
    Q_EMIT testFinished(succeeded, message);
}

} // namespace retort::ui
