// SPDX-License-Identifier: Apache-2.0
#include "window/mainwindow.h"

#include "common/error.h"
#include "connection/activeconnection.h"
#include "connection/connectionprofiles.h"
#include "detail/revisiondetailpanel.h"
#include "editor/scripteditor.h"
#include "editor/theme.h"
#include "history/historygraphview.h"
#include "runlog/runcontroller.h"
#include "runlog/runlogpanel.h"
#include "runlog/runworkflow.h"
#include "status/databasestatuspanel.h"
#include "status/databasestatusreader.h"
#include "window/recentprojects.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace retort::ui {

namespace {

// The config file for a path that may be the file itself or the project folder.
QString configFileFor(const QString& path)
{
    const QFileInfo info(path);
    return ProjectConfig::locate(info.isDir() ? QString() : info.absoluteFilePath(),
                                 info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

// The project a drag carries: the config file of the first dropped folder (or .ini file) that
// is a project; "" when none is.
QString droppedProject(const QMimeData* mime)
{
    const QList<QUrl> urls = mime->urls();
    for (const QUrl& url : urls) {
        const QFileInfo info(url.toLocalFile());
        if (!url.isLocalFile() || (!info.isDir() && info.suffix() != QLatin1String("ini")))
            continue;
        try {
            return configFileFor(url.toLocalFile());
        } catch (const Error&) {
        }
    }
    return {};
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_connection(new ActiveConnection(new ConnectionProfiles(this), this)),
      m_history(new HistoryGraphView(this)), m_detail(new RevisionDetailPanel(this)),
      m_status(new DatabaseStatusPanel(this)), m_statusReader(new DatabaseStatusReader(this)),
      m_filter(new QLineEdit(this)), m_log(new RunLogPanel(this)), m_runs(new RunController(this)),
      m_workflow(new RunWorkflow(m_runs, m_log, this)), m_projectLabel(new QLabel(this))
{
    setWindowTitle(tr("Retort Studio"));
    setAcceptDrops(true);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(createLeftPane());
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(m_projectLabel);

    auto* logDock = new QDockWidget(tr("Run log"), this);
    logDock->setObjectName(QStringLiteral("runLogDock"));
    logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    resizeDocks({logDock}, {170}, Qt::Vertical);

    connect(m_history, &HistoryGraphView::revisionContextMenuRequested, this, &MainWindow::showRevisionMenu);
    connect(m_history, &HistoryGraphView::currentRevisionChanged, this, [this](const QString& id) {
        if (m_project)
            m_detail->showRevision(*m_project, id);
        updateRunActions();
    });
    connect(m_log, &RunLogPanel::cancelRequested, m_runs, &RunController::cancel);
    connect(m_runs, &RunController::eventsArrived, m_log, &RunLogPanel::appendEvents);
    connect(m_workflow, &RunWorkflow::busyChanged, this, &MainWindow::updateRunActions);
    connect(m_workflow, &RunWorkflow::databaseChanged, this, &MainWindow::refreshDatabaseStatus);
    connect(m_workflow, &RunWorkflow::failedAt, this, &MainWindow::showFailedLine);
    connect(m_workflow, &RunWorkflow::notice, this, [this](const QString& text) {
        statusBar()->showMessage(text, 5000);
    });
    connect(m_connection, &ActiveConnection::changed, this, &MainWindow::refreshDatabaseStatus);

    connect(m_statusReader, &DatabaseStatusReader::started, m_status, &DatabaseStatusPanel::showChecking);
    connect(m_statusReader, &DatabaseStatusReader::failed, m_status, &DatabaseStatusPanel::showError);
    connect(m_status, &DatabaseStatusPanel::cancelRequested, m_statusReader, &DatabaseStatusReader::cancel);
    connect(m_statusReader, &DatabaseStatusReader::cancelled, m_status, &DatabaseStatusPanel::showCancelled);
    connect(m_statusReader, &DatabaseStatusReader::cancelled, m_history,
            [this] { m_history->showDatabaseAt({}); });
    for (auto signal : {&DatabaseStatusReader::started, &DatabaseStatusReader::cancelled})
        connect(m_statusReader, signal, this, &MainWindow::updateRunActions);
    connect(m_statusReader, &DatabaseStatusReader::failed, this, &MainWindow::updateRunActions);
    connect(m_statusReader, &DatabaseStatusReader::finished, this, &MainWindow::updateRunActions);
    // The graph must not keep the marks of a database it no longer shows.
    connect(m_statusReader, &DatabaseStatusReader::failed, m_history,
            [this] { m_history->showDatabaseAt({}); });
    connect(m_statusReader, &DatabaseStatusReader::finished, this, [this](const DatabaseStatus& status) {
        m_status->showStatus(status);
        m_history->showDatabaseAt(status.current);
    });
    // The detail panel's SQL tabs plan from whatever state the banner shows.
    connect(m_status, &DatabaseStatusPanel::statusShown, m_detail,
            [this](const DatabaseStatus& status) { m_detail->setDatabaseStatus(databaseUrl(), status); });
    connect(m_status, &DatabaseStatusPanel::statusUnknown, m_detail,
            &RevisionDetailPanel::setDatabaseUnknown);
    createActions();
    resize(1200, 760);
}

QWidget* MainWindow::createLeftPane()
{
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by id, label or message"));
    m_filter->setClearButtonEnabled(true);
    // Esc in the filter clears it (and so shows every row bright again).
    new QShortcut(QKeySequence(Qt::Key_Escape), m_filter, m_filter, &QLineEdit::clear,
                  Qt::WidgetShortcut);
    m_filter->setToolTip(tr("Rows that do not match are dimmed (Ctrl+F)"));
    connect(m_filter, &QLineEdit::textChanged, m_history, &HistoryGraphView::setFilterText);
    auto* left = new QWidget(this);
    auto* layout = new QVBoxLayout(left);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_filter);
    layout->addWidget(m_history, 1);
    return left;
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
    QAction* connectDb =
        fileMenu->addAction(tr("&Connect to Database..."), this, &MainWindow::chooseConnection);
    connectDb->setObjectName(QStringLiteral("connectAction"));
    connectDb->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connectDb->setToolTip(
        tr("Choose the database: a saved connection, a URL or its parts (Ctrl+D)"));
    toolBar->addAction(connectDb);

    QAction* refresh = fileMenu->addAction(tr("&Refresh"), this, [this] {
        if (m_project)
            openProject(m_project->config().configPath);
    });
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the scripts and the database again (F5)"));
    toolBar->addAction(refresh);

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    toolBar->addSeparator();
    m_upgradeHead = runMenu->addAction(tr("Upgrade to &Head"), this,
                                       [this] { requestRun(Direction::Upgrade, QStringLiteral("heads")); });
    m_upgradeHead->setObjectName(QStringLiteral("upgradeHeadAction"));
    m_upgradeHead->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_upgradeHead->setToolTip(tr("Apply every pending revision (Ctrl+U)"));
    toolBar->addAction(m_upgradeHead);
    m_upgradeHere = runMenu->addAction(tr("&Upgrade to Here"), this, [this] {
        requestRun(Direction::Upgrade, m_history->selectedRevision());
    });
    m_upgradeHere->setObjectName(QStringLiteral("upgradeHereAction"));
    m_upgradeHere->setToolTip(tr("Upgrade the database to the selected revision"));
    toolBar->addAction(m_upgradeHere);
    m_rollbackHere = runMenu->addAction(tr("&Roll Back to Here"), this, [this] {
        requestRun(Direction::Downgrade, m_history->selectedRevision());
    });
    m_rollbackHere->setObjectName(QStringLiteral("rollbackHereAction"));
    m_rollbackHere->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_rollbackHere->setToolTip(tr("Roll the database back to the selected revision, after showing the SQL (Ctrl+R)"));
    toolBar->addAction(m_rollbackHere);
    // Esc stops whatever waits: reading the database, planning a run, or the run itself.
    m_cancelRun = runMenu->addAction(tr("&Cancel Run"), this, [this] {
        m_statusReader->cancel();
        if (m_runs->isRunning())
            m_runs->cancel();
    });
    m_cancelRun->setObjectName(QStringLiteral("cancelRunAction"));
    m_cancelRun->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelRun->setToolTip(tr("Stop the running migration and roll it back (Esc)"));
    toolBar->addAction(m_cancelRun);
    updateRunActions();

    auto* recent = new QMenu(tr("Open &Recent"), fileMenu);
    recent->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->insertMenu(connectDb, recent);
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        RecentProjects::fillMenu(recent, [this](const QString& path) { return openProject(path); });
    });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit)->setShortcut(QKeySequence::Quit);

    QAction* find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); m_filter->selectAll(); });
    addAction(find);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu* themeMenu = viewMenu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const std::pair<Theme::Choice, QString> choices[] = {
        {Theme::Choice::System, tr("Follow the &System")},
        {Theme::Choice::Light, tr("&Light")},
        {Theme::Choice::Dark, tr("&Dark")}};
    for (const auto& [choice, label] : choices) {
        QAction* action = themeMenu->addAction(label, this, [choice = choice] {
            Theme::save(choice);
            Theme::apply(choice);
        });
        action->setCheckable(true);
        action->setChecked(Theme::saved() == choice);
        themes->addAction(action);
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Retort Studio"), this, &MainWindow::showAbout);
}

bool MainWindow::openProject(const QString& path)
{
    try {
        const QString configPath = configFileFor(path);
        m_project = Project::open(configPath);
        RecentProjects::remember(configPath);
        m_connection->restoreFor(configPath);
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Cannot open the project"), error.message());
        return false;
    }
    m_connection->confirmProjectUrl(this, *m_project); // a project names where secrets go
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
    m_connection->setUrl(url);
}

void MainWindow::chooseConnection()
{
    m_connection->choose(this, project());
}

ConnectionProfiles* MainWindow::connectionProfiles() const
{
    return m_connection->profiles();
}

QString MainWindow::databaseUrl() const
{
    return m_connection->url(project());
}

void MainWindow::refreshDatabaseStatus()
{
    if (!m_project)
        m_status->showChecking(QString());
    else
        m_statusReader->read(*m_project, databaseUrl());
}

void MainWindow::updateRunActions()
{
    if (!m_cancelRun)
        return; // signals before the actions exist
    const bool idle = !m_workflow->isBusy() && m_project.has_value();
    const bool selected = !m_history->selectedRevision().isEmpty();
    m_upgradeHead->setEnabled(idle);
    m_upgradeHere->setEnabled(idle && selected);
    m_rollbackHere->setEnabled(idle && selected);
    m_cancelRun->setEnabled(m_workflow->isBusy() || m_statusReader->isReading());
}

void MainWindow::showRevisionMenu(const QString& id, const QPoint& globalPos)
{
    if (id.isEmpty() || !m_project)
        return;
    m_history->selectRevision(id);
    QMenu menu(this);
    menu.addAction(m_upgradeHere);
    menu.addAction(m_rollbackHere);
    menu.addSeparator();
    menu.addAction(tr("Stamp Here..."), this, [this, id] { requestStamp(id); })->setEnabled(!m_workflow->isBusy());
    menu.exec(globalPos);
}

void MainWindow::requestRun(Direction direction, const QString& target)
{
    if (m_project)
        m_workflow->requestRun(*m_project, databaseUrl(), direction, target);
}

void MainWindow::requestStamp(const QString& target)
{
    if (m_project)
        m_workflow->requestStamp(*m_project, databaseUrl(), target);
}

void MainWindow::showFailedLine(const QString& path, int line)
{
    if (!m_project)
        return;
    const RevisionGraph& graph = m_project->graph();
    for (int i = 0; i < graph.count(); ++i) {
        if (graph.revision(i).path == path) {
            m_history->selectRevision(graph.id(i));
            m_detail->scriptEditor()->markErrorLine(line);
            return;
        }
    }
}

void MainWindow::chooseProject()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Project"), QString(), tr("Project settings (retort.ini alembic.ini)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedProject(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString configPath = droppedProject(event->mimeData());
    if (configPath.isEmpty())
        return;
    event->acceptProposedAction();
    openProject(configPath);
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
