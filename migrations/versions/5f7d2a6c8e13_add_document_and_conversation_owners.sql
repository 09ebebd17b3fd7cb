-- Org Archivist: documents and conversations belong to users.
-- revision: 5f7d2a6c8e13
-- down_revision: c2e84b19f7a0
-- branch_labels:
-- depends_on:
-- message: add owners to documents and conversations
-- create_date: 2026-07-21 13:10:00

-- +upgrade
-- Rows that exist already get no owner (NULL) and the default status or flag. SQLite allows
-- an added REFERENCES column only with a NULL default, so the owner columns stay nullable.
ALTER TABLE documents ADD COLUMN owner_id INTEGER
    CONSTRAINT fk_documents_owner_id REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active'
    CONSTRAINT ck_documents_status CHECK (status IN ('draft', 'active', 'archived'));
-- The My documents page lists the documents of one user by status.
CREATE INDEX ix_documents_owner_id_status ON documents (owner_id, status);

ALTER TABLE conversations ADD COLUMN user_id INTEGER
    CONSTRAINT fk_conversations_user_id REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE conversations ADD COLUMN title VARCHAR(255);
ALTER TABLE conversations ADD COLUMN is_archived BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_conversations_user_id_is_archived ON conversations (user_id, is_archived);

-- +downgrade
DROP INDEX ix_conversations_user_id_is_archived;
DROP INDEX ix_documents_owner_id_status;

-- +downgrade postgresql
ALTER TABLE conversations DROP COLUMN is_archived;
ALTER TABLE conversations DROP COLUMN title;
ALTER TABLE conversations DROP COLUMN user_id;
ALTER TABLE documents DROP COLUMN status;
ALTER TABLE documents DROP COLUMN owner_id;

-- +downgrade sqlite
-- SQLite cannot drop a column that has a foreign key: rebuild both tables as the baseline made
-- them, keeping their rows, then recreate their indexes. PRAGMA foreign_keys must be off (the
-- SQLite default): with it on, dropping the old tables would silently delete the rows of
-- document_tags, document_programs and messages (ON DELETE CASCADE). The guard table makes
-- the downgrade fail instead, with CHECK constraint failed: foreign_keys_must_be_off.
CREATE TEMP TABLE rebuild_guard (
    foreign_keys INTEGER CONSTRAINT foreign_keys_must_be_off CHECK (foreign_keys = 0)
);
INSERT INTO rebuild_guard (foreign_keys) SELECT foreign_keys FROM pragma_foreign_keys;
DROP TABLE temp.rebuild_guard;

CREATE TABLE conversations_new (
    id INTEGER PRIMARY KEY,
    prompt_template_id INTEGER
        CONSTRAINT fk_conversations_prompt_template_id REFERENCES prompt_templates (id)
            ON DELETE SET NULL,
    context_json TEXT NOT NULL DEFAULT '{}',
    message_count INTEGER NOT NULL DEFAULT 0
        CONSTRAINT ck_conversations_message_count CHECK (message_count >= 0),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO conversations_new (
    id, prompt_template_id, context_json, message_count, created_at, updated_at)
SELECT
    id, prompt_template_id, context_json, message_count, created_at, updated_at
FROM conversations;
DROP TABLE conversations;
ALTER TABLE conversations_new RENAME TO conversations;
CREATE INDEX ix_conversations_updated_at ON conversations (updated_at);

CREATE TABLE documents_new (
    id INTEGER PRIMARY KEY,
    filename VARCHAR(255) NOT NULL
        CONSTRAINT ck_documents_filename_not_empty CHECK (length(trim(filename)) > 0),
    title VARCHAR(500),
    doc_type VARCHAR(50) NOT NULL DEFAULT 'other'
        CONSTRAINT ck_documents_doc_type CHECK (doc_type IN (
            'grant_proposal', 'annual_report', 'program_description', 'impact_report', 'budget',
            'policy', 'other')),
    mime_type VARCHAR(100) NOT NULL DEFAULT 'application/pdf',
    file_size BIGINT NOT NULL DEFAULT 0 CONSTRAINT ck_documents_file_size CHECK (file_size >= 0),
    content_hash VARCHAR(64) NOT NULL,
    year INTEGER CONSTRAINT ck_documents_year CHECK (year BETWEEN 1900 AND 2100),
    outcome VARCHAR(20)
        CONSTRAINT ck_documents_outcome CHECK (outcome IN (
            'funded', 'not_funded', 'pending', 'not_applicable')),
    processing_status VARCHAR(20) NOT NULL DEFAULT 'pending'
        CONSTRAINT ck_documents_processing_status CHECK (processing_status IN (
            'pending', 'processing', 'ready', 'failed')),
    chunk_count INTEGER NOT NULL DEFAULT 0
        CONSTRAINT ck_documents_chunk_count CHECK (chunk_count >= 0),
    is_sensitive BOOLEAN NOT NULL DEFAULT FALSE,
    metadata_json TEXT NOT NULL DEFAULT '{}',
    notes TEXT,
    uploaded_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO documents_new (
    id, filename, title, doc_type, mime_type, file_size, content_hash, year, outcome,
    processing_status, chunk_count, is_sensitive, metadata_json, notes, uploaded_at, updated_at)
SELECT
    id, filename, title, doc_type, mime_type, file_size, content_hash, year, outcome,
    processing_status, chunk_count, is_sensitive, metadata_json, notes, uploaded_at, updated_at
FROM documents;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE UNIQUE INDEX uq_documents_content_hash ON documents (content_hash);
CREATE INDEX ix_documents_doc_type_year ON documents (doc_type, year);
