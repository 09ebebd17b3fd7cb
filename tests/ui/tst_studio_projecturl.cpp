// SPDX-License-Identifier: Apache-2.0
// A project names where its URL's secrets go: Studio asks before it first connects to a
// project's own URL that names a server, showing the masked URL and the environment variables
// it reads, and remembers the answer per project and URL (ui/connection/projecturlapproval).
#include "connection/activeconnection.h"
#include "connection/connectionprofiles.h"
#include "connection/projecturlapproval.h"
#include "connection/projecturlquestion.h"
#include "project/project.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace retort;
using retort::ui::ActiveConnection;
using retort::ui::ConnectionProfiles;
using retort::ui::MainWindow;
using retort::ui::ProjectUrlApproval;
using retort::ui::ProjectUrlQuestion;

namespace {

const QByteArray kSecret = "s3cr3t-value-from-the-environment";
// Nothing listens on port 1.
const QByteArray kProjectUrl =
    "postgresql://someone:${RETORT_TEST_PROJECT_SECRET}@127.0.0.1:1/nowhere?connect_timeout=1";

QString writeProject(const QTemporaryDir& dir, const QByteArray& url)
{
    QDir(dir.path()).mkpath(QStringLiteral("versions"));
    QFile ini(dir.filePath(QStringLiteral("retort.ini")));
    if (ini.open(QIODevice::WriteOnly))
        ini.write("[retort]\nversion_locations = versions\nurl = \"" + url + "\"\n");
    return ini.fileName();
}

// Answers the next ProjectUrlQuestion by clicking `button`; `seen` gets its texts ("" when
// none came).
struct Answerer
{
    Answerer(const char* button) : m_button(button)
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            auto* question = qobject_cast<ProjectUrlQuestion*>(QApplication::activeModalWidget());
            if (!question)
                return;
            ++asked;
            seen = question->text() + u'\n' + question->informativeText();
            question->findChild<QPushButton*>(QLatin1String(m_button))->click();
        });
        m_timer.start();
    }

    int asked = 0;
    QString seen;

private:
    const char* m_button;
    QTimer m_timer;
};

} // namespace

class TestStudioProjectUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QSettings().remove(QStringLiteral("projectUrlApproval"));
        QSettings().remove(QStringLiteral("projects"));
        qputenv("RETORT_TEST_PROJECT_SECRET", kSecret);
    }

    void openingAProjectAsksFirst()
    {
        QTemporaryDir dir;
        const QString config = writeProject(dir, kProjectUrl);
        Answerer answerer("dontConnect");
        {
            MainWindow window;
            QVERIFY(window.openProject(config));
        }
        QCOMPARE(answerer.asked, 1);
        QVERIFY2(answerer.seen.contains(
                     QLatin1String("postgresql://someone:***@127.0.0.1:1/nowhere?connect_timeout=1")),
                 qPrintable(answerer.seen));
        QVERIFY2(answerer.seen.contains(QLatin1String("RETORT_TEST_PROJECT_SECRET")),
                 qPrintable(answerer.seen));
        QVERIFY(!answerer.seen.contains(QString::fromLatin1(kSecret)));

        // The answer is remembered for the project: no second question.
        MainWindow again;
        QVERIFY(again.openProject(config));
        QCOMPARE(answerer.asked, 1);
    }

    void theAnswerDecidesTheUrl()
    {
        QTemporaryDir dir;
        const QString config = writeProject(dir, kProjectUrl);
        ConnectionProfiles profiles;
        {
            Answerer refuse("dontConnect");
            const Project project = Project::open(config);
            ActiveConnection connection(&profiles);
            connection.restoreFor(config);
            QCOMPARE(connection.url(&project), QString()); // nothing before the answer
            connection.confirmProjectUrl(nullptr, project);
            QCOMPARE(refuse.asked, 1);
            QCOMPARE(connection.url(&project), QString());
            QCOMPARE(ProjectUrlApproval::answer(project.config()), std::optional<bool>(false));
        }
        // An edited URL is a new question; this time the answer is yes.
        const QString edited = writeProject(dir, kProjectUrl + "&sslmode=disable");
        Answerer allow("connect");
        const Project project = Project::open(edited);
        ActiveConnection connection(&profiles);
        connection.confirmProjectUrl(nullptr, project);
        QCOMPARE(allow.asked, 1);
        QCOMPARE(connection.url(&project),
                 QStringLiteral("postgresql://someone:") + QString::fromLatin1(kSecret) +
                     QStringLiteral("@127.0.0.1:1/nowhere?connect_timeout=1&sslmode=disable"));
    }

    void rendersTheQuestion()
    {
        // RETORT_SCREENSHOT_DIR keeps the picture (as in tst_studio_connection).
        QTemporaryDir dir;
        ProjectUrlQuestion question(
            QStringLiteral("/home/dev/checkout/shop/retort.ini"),
            QStringLiteral("postgresql://someone:***@db.example.net:5432/shop"),
            {QStringLiteral("DB_USER"), QStringLiteral("AWS_SECRET_ACCESS_KEY")});
        question.show();
        QVERIFY(QTest::qWaitForWindowExposed(&question));
        const QImage image = question.grab().toImage();
        QVERIFY(!image.isNull());
        const QString path = qEnvironmentVariable("RETORT_SCREENSHOT_DIR", dir.path()) +
                             QStringLiteral("/studio-project-url.png");
        QVERIFY2(image.save(path), qPrintable(path));
    }

    void localFilesNeedNoQuestion()
    {
        // The example project's URL: ${DATABASE_URL:-sqlite:///...} with the variable unset.
        QTemporaryDir dir;
        const QString config = writeProject(dir, "${RETORT_TEST_UNSET_URL:-sqlite:///app.db}");
        qunsetenv("RETORT_TEST_UNSET_URL");
        Answerer answerer("dontConnect");
        const Project project = Project::open(config);
        ConnectionProfiles profiles;
        ActiveConnection connection(&profiles);
        connection.confirmProjectUrl(nullptr, project);
        QCOMPARE(answerer.asked, 0);
        QCOMPARE(connection.url(&project), QStringLiteral("sqlite:///app.db"));
    }
};

QTEST_MAIN(TestStudioProjectUrl)
#include "tst_studio_projecturl.moc"
