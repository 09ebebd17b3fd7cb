// SPDX-License-Identifier: Apache-2.0
#include "compare/comparewindow.h"

#include "common/error.h"
#include "compare/comparejob.h"
#include "compare/createrevisiondialog.h"
#include "compare/migrationpane.h"
#include "compare/objectfilterproxy.h"
#include "compare/schemaobjectmodel.h"
#include "compare/sidebysideview.h"
#include "compare/sourcepicker.h"
#include "connection/connectionfields.h"
#include "connection/connectionprofiles.h"
#include "ddl/revisionautogenerator.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace retort::ui {

using Status = ComparedObject::Status;

namespace {

struct Written
{
    QString id;
    QString path;
    QString error;
};

} // namespace

CompareWindow::CompareWindow(ConnectionProfiles* profiles, QWidget* parent)
    : QMainWindow(parent), m_profiles(profiles), m_job(new CompareJob(this)),
      m_fromPicker(new SourcePicker(this)), m_toPicker(new SourcePicker(this)),
      m_message(new QLabel(this)), m_counts(new QLabel(this)), m_statusFilter(new QComboBox(this)),
      m_textFilter(new QLineEdit(this)), m_tree(new QTreeView(this)),
      m_model(new SchemaObjectModel(this)), m_proxy(new ObjectFilterProxy(this)),
      m_view(new SideBySideView(this)), m_migration(new MigrationPane(this))
{
    setWindowTitle(tr("Compare Schemas - Retort Studio"));
    setObjectName(QStringLiteral("compareWindow"));
    m_fromPicker->setObjectName(QStringLiteral("fromPicker"));
    m_toPicker->setObjectName(QStringLiteral("toPicker"));
    m_message->setObjectName(QStringLiteral("compareMessage"));
    m_counts->setObjectName(QStringLiteral("compareCounts"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);
    m_message->setContentsMargins(8, 6, 8, 6);

    m_proxy->setSourceModel(m_model);
    m_tree->setModel(m_proxy);
    m_tree->setObjectName(QStringLiteral("objectTree"));
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(SchemaObjectModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SchemaObjectModel::StatusColumn, QHeaderView::ResizeToContents);
    m_tree->installEventFilter(this);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CompareWindow::showCurrentObject);
    connect(m_model, &SchemaObjectModel::checkedKeysChanged, this, &CompareWindow::regenerate);

    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_view);
    right->addWidget(m_migration);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* split = new QSplitter(this);
    split->addWidget(createObjectPane());
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({360, 920});
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_message);
    layout->addWidget(m_counts);
    layout->addWidget(split, 1);
    setCentralWidget(central);

    connect(m_job, &CompareJob::started, this, [this] {
        showMessage(tr("Comparing %1 with %2... (Esc cancels)")
                        .arg(m_comparedFrom.describe(), m_comparedTo.describe()),
                    false);
        updateActions();
    });
    connect(m_job, &CompareJob::finished, this, &CompareWindow::showComparison);
    connect(m_job, &CompareJob::failed, this, [this](const QString& message) {
        showMessage(message, true);
        m_view->clear();
        updateActions();
        Q_EMIT comparisonFailed(message);
    });
    connect(m_job, &CompareJob::cancelled, this, [this] {
        showMessage(tr("Comparison cancelled."), false);
        updateActions();
    });
    createActions();
    if (m_profiles)
        connect(m_profiles, &ConnectionProfiles::profilesChanged, this,
                [this] { setProject(m_project ? &*m_project : nullptr, m_databaseUrl); });
    resize(1280, 820);
}

CompareWindow::~CompareWindow() = default;

QWidget* CompareWindow::createObjectPane()
{
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->addItem(tr("All objects"));
    m_statusFilter->addItem(tr("Differences"));
    m_statusFilter->addItem(SchemaObjectModel::statusText(Status::OnlyInFrom), int(Status::OnlyInFrom));
    m_statusFilter->addItem(SchemaObjectModel::statusText(Status::OnlyInTo), int(Status::OnlyInTo));
    m_statusFilter->addItem(SchemaObjectModel::statusText(Status::Different), int(Status::Different));
    m_statusFilter->addItem(SchemaObjectModel::statusText(Status::Identical), int(Status::Identical));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &CompareWindow::applyStatusFilter);
    m_textFilter->setObjectName(QStringLiteral("textFilter"));
    m_textFilter->setPlaceholderText(tr("Filter by name"));
    m_textFilter->setClearButtonEnabled(true);
    connect(m_textFilter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
    });
    auto* pane = new QWidget(this);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_textFilter, 1);
    layout->addLayout(filters);
    layout->addWidget(m_tree, 1);
    return pane;
}

void CompareWindow::createActions()
{
    QToolBar* bar = addToolBar(tr("Compare"));
    bar->setObjectName(QStringLiteral("compareToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr(" From: "), this));
    bar->addWidget(m_fromPicker);
    m_swapAction = bar->addAction(tr("Swap"), this, [this] {
        const CompareSource from = m_fromPicker->source();
        m_fromPicker->setSource(m_toPicker->source());
        m_toPicker->setSource(from);
    });
    m_swapAction->setToolTip(tr("Swap the two sides"));
    bar->addWidget(new QLabel(tr(" To: "), this));
    bar->addWidget(m_toPicker);
    bar->addSeparator();
    m_compareAction = bar->addAction(tr("Compare"), this, &CompareWindow::startCompare);
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setShortcut(QKeySequence::Refresh);
    m_compareAction->setToolTip(tr("Read both sides and compare them (F5)"));
    m_cancelAction = bar->addAction(tr("Cancel"), this, &CompareWindow::cancelCompare);
    m_cancelAction->setObjectName(QStringLiteral("cancelCompareAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setToolTip(tr("Stop waiting for the comparison (Esc)"));
    bar->addSeparator();
    m_createAction = bar->addAction(tr("Create Revision..."), this,
                                    qOverload<>(&CompareWindow::createRevision));
    m_createAction->setObjectName(QStringLiteral("createRevisionAction"));
    m_createAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_createAction->setToolTip(tr("Write the checked changes as a new revision of the project (Ctrl+S)"));

    QMenu* compareMenu = menuBar()->addMenu(tr("&Compare"));
    compareMenu->addAction(m_compareAction);
    compareMenu->addAction(m_cancelAction);
    compareMenu->addAction(m_swapAction);
    compareMenu->addSeparator();
    compareMenu->addAction(m_view->nextDifferenceAction());
    compareMenu->addAction(m_view->previousDifferenceAction());
    compareMenu->addSeparator();
    QAction* checkAll = compareMenu->addAction(tr("Check &All Changes"), this,
                                               [this] { m_model->setAllChecked(true); });
    checkAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    compareMenu->addAction(tr("&Uncheck All Changes"), this, [this] { m_model->setAllChecked(false); });
    compareMenu->addSeparator();
    compareMenu->addAction(m_createAction);
    compareMenu->addSeparator();
    compareMenu->addAction(tr("&Close"), this, &QWidget::close)->setShortcut(QKeySequence::Close);
    updateActions();
}

void CompareWindow::setProject(const Project* project, const QString& databaseUrl)
{
    if (project)
        m_project = *project;
    else
        m_project.reset();
    m_databaseUrl = databaseUrl;
    for (SourcePicker* picker : {m_fromPicker, m_toPicker})
        picker->setChoices(m_project ? &m_project->graph() : nullptr, m_profiles);
    if (!m_project) {
        showMessage(tr("No project is open: open one (File > Open Project) to compare its "
                       "schemas."),
                    true);
    }
    updateActions();
}

void CompareWindow::compare(const CompareSource& from, const CompareSource& to)
{
    m_fromPicker->setSource(from);
    m_toPicker->setSource(to);
    startCompare();
}

void CompareWindow::compareDefault()
{
    if (m_comparison || isComparing() || !m_project)
        return;
    CompareSource from;
    from.kind = CompareSource::Kind::Revision;
    from.revision = QStringLiteral("heads");
    CompareSource to;
    to.kind = m_project->config().modelPath.isEmpty() ? CompareSource::Kind::Database
                                                      : CompareSource::Kind::Model;
    compare(from, to);
}

void CompareWindow::checkDrift(const QStringList& current)
{
    CompareSource scripts;
    scripts.kind = CompareSource::Kind::Revision;
    scripts.revision = current.isEmpty() ? QStringLiteral("base") : current.join(u',');
    CompareSource database;
    database.kind = CompareSource::Kind::Database;
    setWindowTitle(tr("Drift Check - Retort Studio"));
    compare(scripts, database);
}

void CompareWindow::withPasswords(std::function<void()> then)
{
    QStringList needed;
    for (const CompareSource& side : {m_comparedFrom, m_comparedTo}) {
        if (side.kind == CompareSource::Kind::Connection && !needed.contains(side.profile))
            needed << side.profile;
    }
    if (needed.isEmpty() || !m_profiles) {
        then();
        return;
    }
    const quint64 round = ++m_passwordRound;
    auto remaining = std::make_shared<QStringList>(needed);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_profiles, &ConnectionProfiles::passwordRead, this,
                          [this, round, remaining, connection, then](const QString& name,
                                                                    const QString& password) {
                              if (round != m_passwordRound) {
                                  disconnect(*connection);
                                  return;
                              }
                              if (!remaining->removeOne(name))
                                  return;
                              for (CompareSource* side : {&m_comparedFrom, &m_comparedTo}) {
                                  if (side->kind == CompareSource::Kind::Connection &&
                                      side->profile == name && !password.isEmpty())
                                      side->url = ConnectionFields::withPassword(side->url, password);
                              }
                              if (remaining->isEmpty()) {
                                  disconnect(*connection);
                                  then();
                              }
                          });
    showMessage(tr("Reading the saved connection's password from the keychain..."), false);
    for (const QString& name : needed)
        m_profiles->readPassword(name);
}

void CompareWindow::startCompare()
{
    if (!m_project) {
        showMessage(tr("No project is open: open one (File > Open Project) to compare its "
                       "schemas."),
                    true);
        return;
    }
    m_comparedFrom = m_fromPicker->source();
    m_comparedTo = m_toPicker->source();
    for (const CompareSource& side : {m_comparedFrom, m_comparedTo}) {
        if (side.kind == CompareSource::Kind::Connection && side.url.isEmpty()) {
            showMessage(tr("No saved connection is chosen: save one in File > Connect to "
                           "Database."),
                        true);
            return;
        }
        if (side.kind == CompareSource::Kind::Model && m_project->config().modelPath.isEmpty()) {
            showMessage(tr("The project names no model file: set model = model.sql in its "
                           "settings (see docs/model.md)."),
                        true);
            return;
        }
    }
    m_view->setTitles(tr("From: %1").arg(m_comparedFrom.describe()),
                      tr("To: %1").arg(m_comparedTo.describe()));
    withPasswords([this] { m_job->start(*m_project, m_databaseUrl, m_comparedFrom, m_comparedTo); });
}

void CompareWindow::cancelCompare()
{
    ++m_passwordRound;
    m_job->cancel();
    updateActions();
}

bool CompareWindow::isComparing() const
{
    return m_job->isRunning();
}

QString CompareWindow::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

QString CompareWindow::countsText() const
{
    return m_counts->text();
}

void CompareWindow::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    const QString colour = error ? QStringLiteral("#c62828") : QStringLiteral("#1a5fd0");
    m_message->setStyleSheet(QStringLiteral("QLabel { border-left: 4px solid %1; }").arg(colour));
    m_message->setProperty("error", error);
}

void CompareWindow::showComparison(std::shared_ptr<const SchemaObjectModel::Tree> tree)
{
    showMessage(QString(), false);
    m_model->setTree(std::move(tree));
    m_comparison = m_model->sharedComparison();
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_tree->expand(m_proxy->index(row, 0));
    const auto count = [this](Status status) { return m_comparison->count(status); };
    m_counts->setText(
        tr("<b>%1</b> &rarr; <b>%2</b>: %n object(s)", nullptr, int(m_comparison->objects().size()))
            .arg(m_comparedFrom.describe().toHtmlEscaped(), m_comparedTo.describe().toHtmlEscaped()) +
        QStringLiteral(" &nbsp; <span style='color:%1'>%2</span> &middot; "
                       "<span style='color:%3'>%4</span> &middot; <span style='color:%5'>%6</span>"
                       " &middot; %7")
            .arg(SchemaObjectModel::statusColour(Status::OnlyInFrom, false).name(),
                 tr("%1 only in from").arg(count(Status::OnlyInFrom)),
                 SchemaObjectModel::statusColour(Status::OnlyInTo, false).name(),
                 tr("%1 only in to").arg(count(Status::OnlyInTo)),
                 SchemaObjectModel::statusColour(Status::Different, false).name(),
                 tr("%1 different").arg(count(Status::Different)),
                 tr("%1 identical").arg(count(Status::Identical))));
    if (m_comparison->diff().isEmpty())
        m_view->clear(tr("The two schemas are the same."));
    // The first object that differs, else the first object.
    const QStringList keys = m_comparison->changeKeys();
    if (!m_comparison->objects().isEmpty()) {
        const ComparedObject& first = m_comparison->objects().first();
        QString key = first.key;
        for (const ComparedObject& object : m_comparison->objects()) {
            if (object.status != Status::Identical) {
                key = object.key;
                break;
            }
        }
        selectObject(key);
    } else {
        m_view->clear(tr("Both sides are empty: no tables, views, triggers, enums or sequences."));
    }
    updateActions();
    Q_EMIT comparisonFinished();
}

bool CompareWindow::selectObject(const QString& key)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfKey(key));
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void CompareWindow::showCurrentObject()
{
    const ComparedObject* object = m_model->object(m_proxy->mapToSource(m_tree->currentIndex()));
    if (!object) {
        m_view->clear(tr("Select an object to see its DDL on both sides."));
        return;
    }
    m_view->showAlignment(object->alignment);
}

void CompareWindow::regenerate()
{
    const std::shared_ptr<const SchemaComparison> comparison = m_model->sharedComparison();
    if (!comparison) {
        m_migration->clear();
        return;
    }
    m_migration->generate(comparison, m_model->checkedKeys(), m_comparedTo.scriptName());
    updateActions();
}

void CompareWindow::applyStatusFilter()
{
    const int choice = m_statusFilter->currentIndex();
    if (choice == 0)
        m_proxy->setStatuses(ObjectFilterProxy::allStatuses());
    else if (choice == 1)
        m_proxy->setStatuses(ObjectFilterProxy::differences());
    else
        m_proxy->setStatuses({Status(m_statusFilter->currentData().toInt())});
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_tree->expand(m_proxy->index(row, 0));
}

void CompareWindow::updateActions()
{
    const bool busy = m_job->isRunning();
    m_compareAction->setEnabled(!busy && m_project.has_value());
    m_cancelAction->setEnabled(busy);
    m_createAction->setEnabled(!busy && !m_writing && m_comparison && m_project.has_value() &&
                               !m_model->checkedKeys().isEmpty());
}

void CompareWindow::createRevision()
{
    if (!m_project || !m_comparison)
        return;
    const QString parent = m_comparedFrom.kind == CompareSource::Kind::Revision
                               ? m_comparedFrom.revision.section(u',', 0, 0)
                               : QString();
    CreateRevisionDialog dialog(m_project->graph(), parent, m_migration->isEdited(), this);
    if (dialog.exec() == QDialog::Accepted)
        createRevision(dialog.request());
}

void CompareWindow::createRevision(const NewRevision& base)
{
    if (!m_project || !m_comparison || m_writing)
        return;
    m_writing = true;
    updateActions();
    NewRevision request = base;
    const bool edited = m_migration->isEdited();
    if (edited) {
        request.upgradeSql = m_migration->upgradeSql();
        request.downgradeSql = m_migration->downgradeSql();
    }
    const Project project = *m_project;
    const std::shared_ptr<const SchemaComparison> comparison = m_comparison;
    const QSet<QString> keys = m_model->checkedKeys();
    const QString toName = m_comparedTo.scriptName();
    const QString url = m_comparedTo.readerUrl(m_databaseUrl);
    auto* watcher = new QFutureWatcher<Written>(this);
    connect(watcher, &QFutureWatcher<Written>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_writing = false;
        const Written written = watcher->result();
        if (!written.error.isEmpty()) {
            showMessage(tr("The revision was not written: %1").arg(written.error), true);
            Q_EMIT revisionFailed(written.error);
        } else {
            showMessage(tr("Wrote %1 (revision %2).")
                            .arg(QDir::toNativeSeparators(written.path), written.id),
                        false);
            try {
                m_project = Project::open(m_project->config().configPath);
                setProject(&*m_project, m_databaseUrl);
            } catch (const Error&) {
            }
            Q_EMIT revisionCreated(written.id, written.path);
        }
        updateActions();
    });
    watcher->setFuture(QtConcurrent::run([=]() -> Written {
        try {
            QString path;
            if (edited) {
                path = RevisionAuthor(project).create(request);
            } else {
                // The function `retort revision --autogenerate` writes with.
                path = RevisionAutogenerator(project, url)
                           .write(request, comparison->from(), comparison->to(), keys, toName)
                           .path;
            }
            const Project reread = Project::open(project.config().configPath);
            const RevisionGraph& graph = reread.graph();
            for (int i = 0; i < graph.count(); ++i) {
                if (QFileInfo(graph.revision(i).path) == QFileInfo(path))
                    return {graph.id(i), path, {}};
            }
            return {{}, path, {}};
        } catch (const Error& error) {
            return {{}, {}, error.message()};
        }
    }));
}

bool CompareWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_tree && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space) {
        m_model->toggle(m_proxy->mapToSource(m_tree->currentIndex()));
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void CompareWindow::closeEvent(QCloseEvent* event)
{
    cancelCompare(); // nothing waits: a read under way ends on its own, its result dropped
    event->accept();
}

} // namespace retort::ui
