// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "common/dialect.h"
#include "lint/sqllint.h"

#include <QDialog>

class QLabel;

namespace retort::ui {

class ScriptEditor;

// "Roll back to X?" / "Upgrade to X?": the exact SQL the run will execute, from a dry run
// against the real database, with statements that destroy data marked. One confirmation.
class ConfirmRunDialog : public QDialog
{
    Q_OBJECT

public:
    // `versionTable`: the project's, whose row changes are not flagged as destroying data.
    // `before`: the tables and columns the database has (rebuilds name the columns they
    // lose). Esc closes it like Cancel, also while the SQL has the focus.
    ConfirmRunDialog(const QString& question, const QString& sql, Dialect dialect,
                     const QString& versionTable, int stepCount, bool rollback,
                     QWidget* parent = nullptr, const LintSchema& before = {});

    // How many statements were marked as destroying data.
    int destructiveCount() const { return m_destructive; }
    ScriptEditor* editor() const { return m_editor; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ScriptEditor* m_editor;
    int m_destructive = 0;
};

} // namespace retort::ui
