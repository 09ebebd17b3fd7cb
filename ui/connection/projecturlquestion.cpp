// SPDX-License-Identifier: Apache-2.0
#include "connection/projecturlquestion.h"

#include <QPushButton>

namespace retort::ui {

ProjectUrlQuestion::ProjectUrlQuestion(const QString& configPath, const QString& maskedUrl,
                                       const QStringList& variables, QWidget* parent)
    : QMessageBox(parent)
{
    setObjectName(QStringLiteral("projectUrlQuestion"));
    setIcon(QMessageBox::Question);
    setWindowTitle(tr("Connect to the Project's Database?"));
    setText(tr("This project's configuration names the database to connect to:"));
    QString details = QStringLiteral("<p><code>%1</code></p>").arg(maskedUrl.toHtmlEscaped());
    if (!variables.isEmpty()) {
        details += tr("<p>Its URL reads these environment variables, and their values go to "
                      "that server:</p>");
        QStringList items;
        for (const QString& name : variables)
            items.append(QStringLiteral("<li><code>%1</code></li>").arg(name.toHtmlEscaped()));
        details += QStringLiteral("<ul>%1</ul>").arg(items.join(QString()));
    }
    details += tr("<p>Connect only if you trust this project (%1). Your answer is remembered "
                  "for it until its URL changes; File &gt; Connect to Database chooses another "
                  "database.</p>")
                   .arg(configPath.toHtmlEscaped());
    setInformativeText(details);
    setTextFormat(Qt::RichText);
    m_connect = addButton(tr("Connect"), QMessageBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connect"));
    QPushButton* dontConnect = addButton(tr("Don't Connect"), QMessageBox::RejectRole);
    dontConnect->setObjectName(QStringLiteral("dontConnect"));
    setDefaultButton(dontConnect);
    setEscapeButton(dontConnect);
}

int ProjectUrlQuestion::exec()
{
    QMessageBox::exec();
    return clickedButton() == m_connect ? Connect : DontConnect;
}

} // namespace retort::ui
