// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/schemacomparison.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace retort::ui {

// Filters the object tree (SchemaObjectModel) by status and by text: an object shows when its
// status is one of those wanted and its name, or its table's name, contains the text (case
// insensitive); a group or table shows while anything below it does.
class ObjectFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ObjectFilterProxy(QObject* parent = nullptr);

    void setStatuses(const QSet<ComparedObject::Status>& statuses);
    const QSet<ComparedObject::Status>& statuses() const { return m_statuses; }
    void setText(const QString& text);

    // Every status: nothing hidden for its status.
    static QSet<ComparedObject::Status> allStatuses();
    // All but Identical: what differs.
    static QSet<ComparedObject::Status> differences();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QSet<ComparedObject::Status> m_statuses;
    QString m_text;
};

} // namespace retort::ui
