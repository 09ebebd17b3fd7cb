// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QVector>
#include <vector>

namespace retort {

// A set of revisions of one graph, by index: membership is one byte per revision, so
// ancestor and descendant walks over 10,000 revisions stay cheap.
class RevisionSet
{
public:
    RevisionSet() = default;
    explicit RevisionSet(int revisionCount) : m_members(size_t(revisionCount), 0) {}

    bool contains(int index) const { return m_members[size_t(index)] != 0; }
    // Adds `index`; returns false when it was already there.
    bool insert(int index)
    {
        char& slot = m_members[size_t(index)];
        if (slot)
            return false;
        slot = 1;
        ++m_count;
        return true;
    }
    void remove(int index)
    {
        char& slot = m_members[size_t(index)];
        if (slot) {
            slot = 0;
            --m_count;
        }
    }
    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    int capacity() const { return int(m_members.size()); }

    void intersect(const RevisionSet& other)
    {
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (m_members[i] && !other.m_members[i])
                remove(int(i));
        }
    }
    void subtract(const RevisionSet& other)
    {
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (m_members[i] && other.m_members[i])
                remove(int(i));
        }
    }
    void unite(const RevisionSet& other)
    {
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (other.m_members[i])
                insert(int(i));
        }
    }
    // Members in index (file) order.
    QVector<int> toList() const
    {
        QVector<int> list;
        list.reserve(m_count);
        for (size_t i = 0; i < m_members.size(); ++i) {
            if (m_members[i])
                list.append(int(i));
        }
        return list;
    }

private:
    std::vector<char> m_members;
    int m_count = 0;
};

} // namespace retort
