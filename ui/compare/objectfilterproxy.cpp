// SPDX-License-Identifier: Apache-2.0
#include "compare/objectfilterproxy.h"

#include "compare/schemaobjectmodel.h"

namespace retort::ui {

using Status = ComparedObject::Status;

ObjectFilterProxy::ObjectFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent), m_statuses(allStatuses())
{
    setRecursiveFilteringEnabled(true);
}

QSet<Status> ObjectFilterProxy::allStatuses()
{
    return {Status::Identical, Status::OnlyInFrom, Status::OnlyInTo, Status::Different};
}

QSet<Status> ObjectFilterProxy::differences()
{
    return {Status::OnlyInFrom, Status::OnlyInTo, Status::Different};
}

void ObjectFilterProxy::setStatuses(const QSet<Status>& statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    invalidateFilter();
}

void ObjectFilterProxy::setText(const QString& text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

bool ObjectFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty() && m_statuses.size() == 4) // every status
        return true; // no filter: no data() calls for every one of thousands of rows
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int status = index.data(SchemaObjectModel::StatusRole).toInt();
    if (status < 0)
        return false; // a group shows through its objects (recursive filtering)
    if (!m_statuses.contains(Status(status)))
        return false;
    if (m_text.isEmpty())
        return true;
    const auto matches = [this](const QModelIndex& i) {
        return i.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
    };
    // A table's part also shows when the table's name matches.
    return matches(index) ||
           (sourceParent.data(SchemaObjectModel::StatusRole).toInt() >= 0 && matches(sourceParent));
}

} // namespace retort::ui
