// SPDX-License-Identifier: Apache-2.0
#include "compare/schemaobjectmodel.h"

#include <QApplication>
#include <QColor>
#include <QPalette>
#include <functional>

namespace retort::ui {

using Status = ComparedObject::Status;
using Object = SchemaChange::Object;

struct SchemaObjectModel::Node
{
    Node* parent = nullptr;
    int row = 0;
    const ComparedObject* object = nullptr; // nullptr: a group (or the root)
    QString title;                          // a group's
    QStringList keys;                       // the changes it holds
    QVector<Node*> children;
};

struct SchemaObjectModel::Tree
{
    std::shared_ptr<const SchemaComparison> comparison;
    Node root;
    std::vector<std::unique_ptr<Node>> nodes; // every node but the root
    QHash<QString, Node*> byKey;
    QStringList allKeys;
};

namespace {

QString groupTitle(Object kind)
{
    switch (kind) {
    case Object::Table:
        return SchemaObjectModel::tr("Tables");
    case Object::View:
        return SchemaObjectModel::tr("Views");
    case Object::Trigger:
        return SchemaObjectModel::tr("Triggers");
    case Object::Enum:
        return SchemaObjectModel::tr("Enums");
    case Object::Sequence:
        return SchemaObjectModel::tr("Sequences");
    default:
        return {};
    }
}

bool isDark()
{
    return qApp->palette().color(QPalette::Base).lightness() < 128;
}

} // namespace

SchemaObjectModel::SchemaObjectModel(QObject* parent)
    : QAbstractItemModel(parent), m_tree(buildTree(nullptr))
{
}

SchemaObjectModel::~SchemaObjectModel() = default;

std::shared_ptr<const SchemaObjectModel::Tree>
SchemaObjectModel::buildTree(std::shared_ptr<const SchemaComparison> comparison)
{
    auto tree = std::make_shared<Tree>();
    tree->comparison = std::move(comparison);
    if (!tree->comparison)
        return tree;
    const auto add = [&tree](Node* parent) {
        tree->nodes.push_back(std::make_unique<Node>());
        Node* node = tree->nodes.back().get();
        node->parent = parent;
        node->row = int(parent->children.size());
        parent->children.append(node);
        return node;
    };
    QHash<int, Node*> groups;
    for (const ComparedObject& object : tree->comparison->objects()) {
        Node*& group = groups[int(object.kind)];
        if (!group) {
            group = add(&tree->root);
            group->title = groupTitle(object.kind);
        }
        Node* node = add(group);
        node->object = &object;
        node->keys = object.changeKeys();
        group->keys += node->keys;
        tree->byKey.insert(object.key, node);
        for (const ComparedObject& part : object.children) {
            Node* child = add(node);
            child->object = &part;
            if (part.isChange)
                child->keys = QStringList{part.key};
            tree->byKey.insert(part.key, child);
        }
    }
    tree->allKeys = tree->comparison->changeKeys();
    return tree;
}

void SchemaObjectModel::setComparison(std::shared_ptr<const SchemaComparison> comparison)
{
    setTree(buildTree(std::move(comparison)));
}

void SchemaObjectModel::setTree(std::shared_ptr<const Tree> tree)
{
    beginResetModel();
    m_tree = tree ? std::move(tree) : buildTree(nullptr);
    m_checked = QSet<QString>(m_tree->allKeys.cbegin(), m_tree->allKeys.cend());
    endResetModel();
    Q_EMIT checkedKeysChanged();
}

const SchemaComparison* SchemaObjectModel::comparison() const
{
    return m_tree->comparison.get();
}

std::shared_ptr<const SchemaComparison> SchemaObjectModel::sharedComparison() const
{
    return m_tree->comparison;
}

const SchemaObjectModel::Node* SchemaObjectModel::root() const
{
    return &m_tree->root;
}

const ComparedObject* SchemaObjectModel::object(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    return node ? node->object : nullptr;
}

QModelIndex SchemaObjectModel::indexOfKey(const QString& key) const
{
    const Node* node = m_tree->byKey.value(key);
    return node ? indexOf(node) : QModelIndex();
}

bool SchemaObjectModel::allChecked() const
{
    return m_checked.size() == m_tree->allKeys.size();
}

void SchemaObjectModel::setAllChecked(bool checked)
{
    setChecked(root(), checked);
}

void SchemaObjectModel::toggle(const QModelIndex& index)
{
    const Node* node = nodeOf(index);
    if (node && !node->keys.isEmpty())
        setChecked(node, checkState(node) != Qt::Checked);
}

SchemaObjectModel::Node* SchemaObjectModel::nodeOf(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : nullptr;
}

QModelIndex SchemaObjectModel::indexOf(const Node* node, int column) const
{
    if (!node || node == root())
        return {};
    return createIndex(node->row, column, const_cast<Node*>(node));
}

Qt::CheckState SchemaObjectModel::checkState(const Node* node) const
{
    int checked = 0;
    for (const QString& key : node->keys)
        checked += m_checked.contains(key) ? 1 : 0;
    if (checked == 0)
        return Qt::Unchecked;
    return checked == node->keys.size() ? Qt::Checked : Qt::PartiallyChecked;
}

void SchemaObjectModel::setChecked(const Node* node, bool checked)
{
    const QStringList& keys = node == root() ? m_tree->allKeys : node->keys;
    bool changed = false;
    for (const QString& key : keys) {
        if (checked && !m_checked.contains(key)) {
            m_checked.insert(key);
            changed = true;
        } else if (!checked && m_checked.remove(key)) {
            changed = true;
        }
    }
    if (!changed)
        return;
    emitCheckChanged(node);
    Q_EMIT checkedKeysChanged();
}

// The check boxes of the node, everything below it and everything above it.
void SchemaObjectModel::emitCheckChanged(const Node* node)
{
    const QVector<int> roles{Qt::CheckStateRole};
    std::function<void(const Node*)> down = [&](const Node* n) {
        if (n->children.isEmpty())
            return;
        Q_EMIT dataChanged(indexOf(n->children.first()), indexOf(n->children.last()), roles);
        for (const Node* child : n->children)
            down(child);
    };
    down(node);
    for (const Node* n = node; n && n != root(); n = n->parent)
        Q_EMIT dataChanged(indexOf(n), indexOf(n), roles);
}

QModelIndex SchemaObjectModel::index(int row, int column, const QModelIndex& parent) const
{
    const Node* node = parent.isValid() ? nodeOf(parent) : root();
    if (!node || row < 0 || row >= node->children.size() || column < 0 || column >= ColumnCount ||
        (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, node->children.at(row));
}

QModelIndex SchemaObjectModel::parent(const QModelIndex& child) const
{
    const Node* node = nodeOf(child);
    return node ? indexOf(node->parent) : QModelIndex();
}

int SchemaObjectModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node* node = parent.isValid() ? nodeOf(parent) : root();
    return node ? int(node->children.size()) : 0;
}

int SchemaObjectModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant SchemaObjectModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeOf(index);
    if (!node)
        return {};
    const ComparedObject* object = node->object;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return object ? object->name
                          : QStringLiteral("%1 (%2)").arg(node->title).arg(node->children.size());
        return object ? statusText(object->status) : QVariant();
    case Qt::ToolTipRole:
        if (object && !object->details.isEmpty())
            return object->details.join(u'\n');
        return {};
    case Qt::ForegroundRole:
        if (object && index.column() == StatusColumn)
            return statusColour(object->status, isDark());
        return {};
    case Qt::CheckStateRole:
        if (index.column() == NameColumn && !node->keys.isEmpty())
            return checkState(node);
        return {};
    case StatusRole:
        return object ? int(object->status) : -1;
    case KeyRole:
        return object ? object->key : QString();
    case KindRole:
        return object ? int(object->kind) : -1;
    default:
        return {};
    }
}

bool SchemaObjectModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const Node* node = nodeOf(index);
    if (role != Qt::CheckStateRole || !node || node->keys.isEmpty() || index.column() != NameColumn)
        return false;
    setChecked(node, value.toInt() != Qt::Unchecked);
    return true;
}

Qt::ItemFlags SchemaObjectModel::flags(const QModelIndex& index) const
{
    const Node* node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn && !node->keys.isEmpty())
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant SchemaObjectModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Object") : tr("Status");
}

QString SchemaObjectModel::statusText(Status status)
{
    switch (status) {
    case Status::Identical:
        return tr("identical");
    case Status::OnlyInFrom:
        return tr("only in from");
    case Status::OnlyInTo:
        return tr("only in to");
    case Status::Different:
        return tr("different");
    }
    return {};
}

QColor SchemaObjectModel::statusColour(Status status, bool dark)
{
    switch (status) {
    case Status::Identical:
        return dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x6a, 0x73, 0x7d);
    case Status::OnlyInFrom:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Status::OnlyInTo:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Status::Different:
        return dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x1a, 0x5f, 0xd0);
    }
    return {};
}

} // namespace retort::ui
