// SPDX-License-Identifier: Apache-2.0
#include "compare/sourcepicker.h"

#include "connection/connectionprofiles.h"
#include "graph/revisiongraph.h"

#include <QComboBox>
#include <QHBoxLayout>

namespace retort::ui {

using Kind = CompareSource::Kind;

SourcePicker::SourcePicker(QWidget* parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_detail(new QComboBox(this))
{
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_detail->setObjectName(QStringLiteral("sourceDetail"));
    m_kind->addItem(tr("Database in use"), int(Kind::Database));
    m_kind->addItem(tr("Model (model.sql)"), int(Kind::Model));
    m_kind->addItem(tr("Scripts at revision"), int(Kind::Revision));
    m_kind->addItem(tr("Saved connection"), int(Kind::Connection));
    m_kind->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_detail->setMinimumContentsLength(16);
    m_detail->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind, 0, Qt::AlignLeft);
    layout->addWidget(m_detail, 1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        fillDetail();
        Q_EMIT changed();
    });
    connect(m_detail, &QComboBox::currentIndexChanged, this, &SourcePicker::changed);
    fillDetail();
}

void SourcePicker::setChoices(const RevisionGraph* graph, const ConnectionProfiles* profiles)
{
    const CompareSource kept = source();
    m_revisions.clear();
    m_connections.clear();
    if (graph) {
        m_revisions << QStringLiteral("heads");
        for (int index : graph->history())
            m_revisions << graph->id(index);
    }
    if (profiles) {
        for (const ConnectionProfile& profile : profiles->profiles())
            m_connections.append({profile.name, profile.url});
    }
    setSource(kept);
}

void SourcePicker::fillDetail()
{
    const QSignalBlocker blocker(m_detail);
    m_detail->clear();
    switch (Kind(m_kind->currentData().toInt())) {
    case Kind::Database:
    case Kind::Model:
        m_detail->setVisible(false);
        return;
    case Kind::Revision:
        for (const QString& revision : qAsConst(m_revisions))
            m_detail->addItem(revision, revision);
        break;
    case Kind::Connection:
        for (const auto& [name, url] : qAsConst(m_connections))
            m_detail->addItem(name, name);
        if (m_connections.isEmpty())
            m_detail->addItem(tr("(no saved connections: File > Connect to Database)"));
        break;
    }
    m_detail->setVisible(true);
}

CompareSource SourcePicker::source() const
{
    CompareSource source;
    source.kind = Kind(m_kind->currentData().toInt());
    if (source.kind == Kind::Revision) {
        source.revision = m_detail->currentData().toString();
    } else if (source.kind == Kind::Connection) {
        source.profile = m_detail->currentData().toString();
        for (const auto& [name, url] : m_connections) {
            if (name == source.profile)
                source.url = url;
        }
    }
    return source;
}

void SourcePicker::setSource(const CompareSource& source)
{
    {
        const QSignalBlocker blocker(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(int(source.kind)));
        fillDetail();
        const QSignalBlocker detailBlocker(m_detail);
        const QString wanted = source.kind == Kind::Revision ? source.revision : source.profile;
        if (!wanted.isEmpty()) {
            if (m_detail->findData(wanted) < 0 && source.kind == Kind::Revision)
                m_detail->insertItem(0, wanted, wanted);
            m_detail->setCurrentIndex(std::max(0, m_detail->findData(wanted)));
        }
    }
    Q_EMIT changed();
}

} // namespace retort::ui
