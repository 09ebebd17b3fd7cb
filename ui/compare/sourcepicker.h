// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compare/comparesource.h"

#include <QWidget>

class QComboBox;

namespace retort {
class RevisionGraph;
}

namespace retort::ui {

class ConnectionProfiles;

// Chooses one side of a comparison: the kind (database in use, model, scripts at a revision,
// a saved connection), then which revision or connection.
class SourcePicker : public QWidget
{
    Q_OBJECT

public:
    explicit SourcePicker(QWidget* parent = nullptr);

    // The revisions offered (heads first) and the saved connections; keeps the choice when
    // it is still there.
    void setChoices(const RevisionGraph* graph, const ConnectionProfiles* profiles);
    // The chosen side; a connection's url is without its password (from the keychain later).
    CompareSource source() const;
    void setSource(const CompareSource& source);

    QComboBox* kindBox() const { return m_kind; }
    QComboBox* detailBox() const { return m_detail; }

Q_SIGNALS:
    void changed();

private:
    void fillDetail();

    QComboBox* m_kind;
    QComboBox* m_detail;
    QStringList m_revisions;
    QList<QPair<QString, QString>> m_connections; // name, url without password
};

} // namespace retort::ui
