// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "databasestatuspanel.h"
#include "databaseurl.h"
#include "error.h"
#include "historygraphview.h"
#include "revisiondetailpanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace retort::ui {

namespace {

const QString kRecentKey = QStringLiteral("recentProjects");

// The config file for a path that may be the file itself or the project folder.
QString configFileFor(const QString& path)
{
    const QFileInfo info(path);
    return ProjectConfig::locate(info.isDir() ? QString() : info.absoluteFilePath(),
                                 info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

// What a background status read brings back: the status, or the error's text.
struct StatusAnswer
{
    DatabaseStatus status;
    QString error;
};

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_history(new HistoryGraphView(this)), m_detail(new RevisionDetailPanel(this)),
      m_status(new DatabaseStatusPanel(this)), m_filter(new QLineEdit(this)), m_projectLabel(new QLabel(this))
{
    setWindowTitle(tr("Retort Studio"));
    setAcceptDrops(true);
    m_filter->setPlaceholderText(tr("Filter by id, label or message"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Rows that do not match are dimmed (Ctrl+F)"));

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_status);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_history, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_projectLabel);

    connect(m_filter, &QLineEdit::textChanged, m_history, &HistoryGraphView::setFilterText);
    connect(m_history, &HistoryGraphView::currentRevisionChanged, this, [this](const QString& id) {
        if (m_project)
            m_detail->showRevision(*m_project, id);
    });
    createActions();
    resize(1200, 760);
}

void MainWindow::createActions()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));

    QAction* open = fileMenu->addAction(tr("&Open Project..."), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a folder with a retort.ini or an alembic.ini (Ctrl+O)"));
    toolBar->addAction(open);

    QAction* refresh = fileMenu->addAction(tr("&Refresh"), this, [this] {
        if (m_project)
            openProject(m_project->config().configPath);
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the scripts and the database again (F5)"));
    toolBar->addAction(refresh);

    QMenu* recent = fileMenu->addMenu(tr("Recent Projects"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        for (const QString& path : QSettings().value(kRecentKey).toStringList())
            recent->addAction(path, this, [this, path] { openProject(path); });
        if (recent->isEmpty())
            recent->addAction(tr("(none yet)"))->setEnabled(false);
    });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit)->setShortcut(QKeySequence::Quit);

    QAction* find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); m_filter->selectAll(); });
    addAction(find);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Retort Studio"), this, &MainWindow::showAbout);
}

bool MainWindow::openProject(const QString& path)
{
    try {
        const QString configPath = configFileFor(path);
        m_project = Project::open(configPath);
        rememberRecent(configPath);
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Cannot open the project"), error.message());
        return false;
    }
    const ProjectConfig& config = m_project->config();
    setWindowTitle(tr("%1 - Retort Studio").arg(QDir(config.projectDir).dirName()));
    m_projectLabel->setText(QDir::toNativeSeparators(config.configPath));
    m_history->setGraph(m_project->graph());
    const QVector<int>& heads = m_project->graph().heads();
    m_history->selectRevision(heads.isEmpty() ? QString() : m_project->graph().id(heads.first()));
    statusBar()->showMessage(tr("%n revision(s)", nullptr, m_project->graph().count()), 5000);
    refreshDatabaseStatus();
    return true;
}

void MainWindow::setDatabaseUrl(const QString& url)
{
    m_urlOverride = url;
    refreshDatabaseStatus();
}

QString MainWindow::effectiveUrl() const
{
    if (!m_urlOverride.isEmpty() || !m_project)
        return m_urlOverride;
    try {
        return m_project->config().databaseUrl();
    } catch (const Error&) {
        return {};
    }
}

void MainWindow::refreshDatabaseStatus()
{
    const QString url = effectiveUrl();
    if (!m_project || url.isEmpty()) {
        m_status->showChecking(QString());
        return;
    }
    QString masked;
    try {
        masked = DatabaseUrl::parse(url).masked();
    } catch (const Error& error) {
        m_status->showError(QString(), error.message());
        return;
    }
    m_status->showChecking(masked);
    // The status is read on a pool thread with its own connection: the window never waits.
    const int generation = ++m_statusGeneration;
    const Project project = *m_project;
    auto* watcher = new QFutureWatcher<StatusAnswer>(this);
    connect(watcher, &QFutureWatcher<StatusAnswer>::finished, this, [this, watcher, generation, masked] {
        watcher->deleteLater();
        if (generation != m_statusGeneration || !m_project)
            return;
        const StatusAnswer answer = watcher->result();
        if (!answer.error.isEmpty()) {
            m_status->showError(masked, answer.error);
            return;
        }
        m_status->showStatus(answer.status);
        m_history->setCurrentRevisions(answer.status.current);
        QSet<QString> applied;
        const RevisionGraph& graph = m_project->graph();
        for (int i : graph.ancestors(answer.status.currentRevisions(graph)).toList())
            applied.insert(graph.id(i));
        m_history->setAppliedRevisions(applied);
    });
    watcher->setFuture(QtConcurrent::run([project, url] {
        try {
            return StatusAnswer{DatabaseStatus::read(project, url), QString()};
        } catch (const Error& error) {
            return StatusAnswer{DatabaseStatus(), error.message()};
        }
    }));
}

void MainWindow::chooseProject()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Project"), QString(), tr("Project settings (retort.ini alembic.ini)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::rememberRecent(const QString& configPath)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(configPath);
    recent.prepend(configPath);
    settings.setValue(kRecentKey, recent.mid(0, 10));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty())
        openProject(urls.first().toLocalFile());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Retort Studio"),
                       tr("<h3>Retort Studio %1</h3><p>Database schema migrations you can see: the "
                          "revision history as a graph, where a database stands, and safe runs.</p>"
                          "<p>Compatible with Alembic projects and version tables.</p>")
                           .arg(QStringLiteral(RETORT_VERSION)));
}

} // namespace retort::ui
