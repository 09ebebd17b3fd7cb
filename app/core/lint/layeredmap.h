// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QString>
#include <memory>
#include <optional>

namespace retort {

// A map from names to values kept as a shared, immutable base plus this copy's own changes
// (values set, names removed). Copying it copies only the changes, so the schema after each
// of 10,000 revisions can be kept where branches need it without copying every table each
// time; the changes are folded into a new base once they grow to an eighth of it (an
// amortised linear cost).
template <typename Value> class LayeredMap
{
public:
    const Value* find(const QString& key) const
    {
        if (const auto changed = m_changes.constFind(key); changed != m_changes.constEnd())
            return changed->has_value() ? &**changed : nullptr;
        if (!m_base)
            return nullptr;
        const auto found = m_base->constFind(key);
        return found == m_base->constEnd() ? nullptr : &*found;
    }
    bool contains(const QString& key) const { return find(key) != nullptr; }

    // The value to change in place: copied from the base first, made when there is none.
    Value& edit(const QString& key)
    {
        auto changed = m_changes.find(key);
        if (changed == m_changes.end()) {
            const Value* inBase = m_base ? baseValue(key) : nullptr;
            changed = m_changes.insert(key, inBase ? *inBase : Value());
        } else if (!changed->has_value()) {
            *changed = Value(); // removed, now made again
        }
        return **changed;
    }
    void insert(const QString& key, Value value) { m_changes.insert(key, std::move(value)); }
    void remove(const QString& key)
    {
        if (m_base && m_base->contains(key))
            m_changes.insert(key, std::nullopt);
        else
            m_changes.remove(key);
    }

    // Every entry, base and changes, as (key, value).
    template <typename Function> void forEach(Function function) const
    {
        for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
            if (it->has_value())
                function(it.key(), **it);
        }
        if (!m_base)
            return;
        for (auto it = m_base->cbegin(); it != m_base->cend(); ++it) {
            if (!m_changes.contains(it.key()))
                function(it.key(), it.value());
        }
    }

    // Adds the entries of `other` this map lacks (its own win where both have one).
    void unite(const LayeredMap& other)
    {
        if (!m_base && m_changes.isEmpty()) {
            *this = other;
            return;
        }
        if (m_base == other.m_base) {
            // Same base: only the two change sets differ.
            for (auto it = other.m_changes.cbegin(); it != other.m_changes.cend(); ++it) {
                if (it->has_value() && !contains(it.key()))
                    m_changes.insert(it.key(), *it);
            }
            for (auto it = m_changes.begin(); it != m_changes.end(); ++it) {
                if (!it->has_value()) {
                    if (const Value* theirs = other.find(it.key()))
                        *it = *theirs;
                }
            }
        } else {
            other.forEach([&](const QString& key, const Value& value) {
                if (!contains(key))
                    m_changes.insert(key, value);
            });
        }
    }

    // Folds the changes into a new base once they are an eighth of it (keeps copies cheap
    // and lookups short). References from edit() do not survive it.
    void compactIfLarge()
    {
        if (m_changes.size() < 64 || (m_base && m_changes.size() < m_base->size() / 8))
            return;
        auto base = std::make_shared<QHash<QString, Value>>(m_base ? *m_base
                                                                   : QHash<QString, Value>());
        for (auto it = m_changes.cbegin(); it != m_changes.cend(); ++it) {
            if (it->has_value())
                base->insert(it.key(), **it);
            else
                base->remove(it.key());
        }
        m_base = std::move(base);
        m_changes.clear();
    }

private:
    const Value* baseValue(const QString& key) const
    {
        const auto found = m_base->constFind(key);
        return found == m_base->constEnd() ? nullptr : &*found;
    }

    std::shared_ptr<const QHash<QString, Value>> m_base;
    QHash<QString, std::optional<Value>> m_changes;
};

} // namespace retort
