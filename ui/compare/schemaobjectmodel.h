// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ddl/schemacomparison.h"

#include <QAbstractItemModel>
#include <QSet>
#include <memory>

namespace retort::ui {

// The objects of a finished comparison as a tree: one group per kind (Tables, Views, Triggers,
// Enums, Sequences), the objects under it, a table's columns, keys, constraints and indexes
// under the table. Column 0 is the name, with a checkbox on everything that holds a change
// (a group or table checks all of its changes; partly checked when some are); column 1 the
// status. Every change starts checked: the generated migration is then the CLI's.
class SchemaObjectModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, // ComparedObject::Status as int; -1 for a group
        KeyRole,                       // the object's key; "" for a group
        KindRole                       // SchemaChange::Object as int; -1 for a group
    };

    explicit SchemaObjectModel(QObject* parent = nullptr);
    ~SchemaObjectModel() override;

    // The rows of a comparison, built on any thread (thousands of tables take a while): a
    // worker builds it, the GUI thread only swaps it in.
    struct Tree;
    static std::shared_ptr<const Tree> buildTree(std::shared_ptr<const SchemaComparison> comparison);
    void setTree(std::shared_ptr<const Tree> tree);
    void setComparison(std::shared_ptr<const SchemaComparison> comparison);
    const SchemaComparison* comparison() const;
    std::shared_ptr<const SchemaComparison> sharedComparison() const;
    // The object at `index`; nullptr for a group or an invalid index.
    const ComparedObject* object(const QModelIndex& index) const;
    // The index of the object with this key (column 0), or an invalid one.
    QModelIndex indexOfKey(const QString& key) const;

    // The keys of the checked changes (ChangeSelection / RevisionAutogenerator take them).
    const QSet<QString>& checkedKeys() const { return m_checked; }
    bool allChecked() const;
    void setAllChecked(bool checked);
    // Checks or unchecks everything `index` holds (Space in the tree).
    void toggle(const QModelIndex& index);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "only in from", ... as shown in the status column.
    static QString statusText(ComparedObject::Status status);
    static QColor statusColour(ComparedObject::Status status, bool dark);

Q_SIGNALS:
    void checkedKeysChanged();

private:
    struct Node;
    const Node* root() const;
    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column = 0) const;
    Qt::CheckState checkState(const Node* node) const;
    void setChecked(const Node* node, bool checked);
    void emitCheckChanged(const Node* node);

    std::shared_ptr<const Tree> m_tree;
    QSet<QString> m_checked;
};

} // namespace retort::ui
