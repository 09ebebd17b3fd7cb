-- Org Archivist: merge the writing styles and outputs branches.
-- revision: c2e84b19f7a0
-- down_revision: 1b6fc84e07d9, 9a03d7e5b4f6
-- branch_labels:
-- depends_on:
-- message: merge styles and outputs, link outputs to their writing style
-- create_date: 2026-06-10 08:40:00

-- +upgrade
-- The link needs both branches, so it lives in the merge revision.
ALTER TABLE outputs ADD COLUMN writing_style_id INTEGER
    CONSTRAINT fk_outputs_writing_style_id REFERENCES writing_styles (id) ON DELETE SET NULL;
CREATE INDEX ix_outputs_writing_style_id ON outputs (writing_style_id);

-- +downgrade
DROP INDEX ix_outputs_writing_style_id;

-- +downgrade postgresql
ALTER TABLE outputs DROP COLUMN writing_style_id;

-- +downgrade sqlite
-- SQLite cannot drop a column that has a foreign key: rebuild the table as it was before the
-- merge, keeping its rows. No table references outputs, so dropping the old table deletes
-- nothing elsewhere even with PRAGMA foreign_keys on.
CREATE TABLE outputs_new (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER
        CONSTRAINT fk_outputs_conversation_id REFERENCES conversations (id) ON DELETE SET NULL,
    document_id INTEGER
        CONSTRAINT fk_outputs_document_id REFERENCES documents (id) ON DELETE SET NULL,
    created_by INTEGER
        CONSTRAINT fk_outputs_created_by REFERENCES users (id) ON DELETE SET NULL,
    output_type VARCHAR(30) NOT NULL DEFAULT 'other'
        CONSTRAINT ck_outputs_output_type CHECK (output_type IN (
            'grant_proposal', 'budget_narrative', 'program_description', 'impact_summary',
            'letter', 'other')),
    title VARCHAR(500) NOT NULL
        CONSTRAINT ck_outputs_title_not_empty CHECK (length(trim(title)) > 0),
    content TEXT NOT NULL,
    word_count INTEGER NOT NULL DEFAULT 0
        CONSTRAINT ck_outputs_word_count CHECK (word_count >= 0),
    status VARCHAR(20) NOT NULL DEFAULT 'draft'
        CONSTRAINT ck_outputs_status CHECK (status IN (
            'draft', 'submitted', 'pending', 'awarded', 'declined')),
    funder_name VARCHAR(255),
    requested_amount NUMERIC(12, 2)
        CONSTRAINT ck_outputs_requested_amount CHECK (requested_amount >= 0),
    awarded_amount NUMERIC(12, 2)
        CONSTRAINT ck_outputs_awarded_amount CHECK (awarded_amount >= 0),
    submitted_on DATE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO outputs_new (
    id, conversation_id, document_id, created_by, output_type, title, content, word_count,
    status, funder_name, requested_amount, awarded_amount, submitted_on, created_at, updated_at)
SELECT
    id, conversation_id, document_id, created_by, output_type, title, content, word_count,
    status, funder_name, requested_amount, awarded_amount, submitted_on, created_at, updated_at
FROM outputs;
DROP TABLE outputs;
ALTER TABLE outputs_new RENAME TO outputs;
CREATE INDEX ix_outputs_conversation_id ON outputs (conversation_id);
CREATE INDEX ix_outputs_status_created_at ON outputs (status, created_at);
