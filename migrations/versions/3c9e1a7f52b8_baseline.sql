-- Org Archivist: baseline schema, as the backend shipped before user accounts.
-- revision: 3c9e1a7f52b8
-- down_revision:
-- branch_labels:
-- depends_on:
-- message: baseline schema
-- create_date: 2026-03-02 10:15:00

-- +upgrade
-- Ids: most tables declare id INTEGER PRIMARY KEY, which SQLite fills in by itself (rowid
-- alias), and the postgresql section below turns the column into an identity column. The
-- append-only tables messages and audit_log need ids that are never reused and may outgrow
-- 32 bits, so they are created per dialect (AUTOINCREMENT on SQLite, BIGINT identity on
-- PostgreSQL). JSON documents are stored as TEXT on both dialects.
CREATE TABLE documents (
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

-- Re-uploading the same file is refused.
CREATE UNIQUE INDEX uq_documents_content_hash ON documents (content_hash);
-- The library view filters by type and year.
CREATE INDEX ix_documents_doc_type_year ON documents (doc_type, year);

CREATE TABLE document_programs (
    document_id INTEGER NOT NULL
        CONSTRAINT fk_document_programs_document_id REFERENCES documents (id) ON DELETE CASCADE,
    program_name VARCHAR(100) NOT NULL
        CONSTRAINT ck_document_programs_name_not_empty CHECK (length(trim(program_name)) > 0),
    assigned_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_document_programs PRIMARY KEY (document_id, program_name)
);

CREATE INDEX ix_document_programs_program_name ON document_programs (program_name);

CREATE TABLE document_tags (
    document_id INTEGER NOT NULL
        CONSTRAINT fk_document_tags_document_id REFERENCES documents (id) ON DELETE CASCADE,
    tag VARCHAR(100) NOT NULL
        CONSTRAINT ck_document_tags_tag_not_empty CHECK (length(trim(tag)) > 0),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_document_tags PRIMARY KEY (document_id, tag)
);

CREATE INDEX ix_document_tags_tag ON document_tags (tag);

CREATE TABLE prompt_templates (
    id INTEGER PRIMARY KEY,
    name VARCHAR(200) NOT NULL
        CONSTRAINT ck_prompt_templates_name_not_empty CHECK (length(trim(name)) > 0),
    category VARCHAR(50) NOT NULL DEFAULT 'general'
        CONSTRAINT ck_prompt_templates_category CHECK (category IN (
            'general', 'grant_writing', 'summary', 'analysis', 'editing')),
    content TEXT NOT NULL,
    variables_json TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1 CONSTRAINT ck_prompt_templates_version CHECK (version >= 1),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_prompt_templates_name UNIQUE (name)
);

CREATE TABLE conversations (
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

CREATE INDEX ix_conversations_updated_at ON conversations (updated_at);

CREATE TABLE system_config (
    config_key VARCHAR(100) NOT NULL
        CONSTRAINT ck_system_config_key_not_empty CHECK (length(trim(config_key)) > 0),
    config_value TEXT NOT NULL,
    value_type VARCHAR(20) NOT NULL DEFAULT 'string'
        CONSTRAINT ck_system_config_value_type CHECK (value_type IN (
            'string', 'integer', 'number', 'boolean', 'json')),
    description TEXT,
    is_secret BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_system_config PRIMARY KEY (config_key)
);

-- +upgrade postgresql
ALTER TABLE documents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE prompt_templates ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE conversations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;

CREATE TABLE messages (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    conversation_id INTEGER NOT NULL
        CONSTRAINT fk_messages_conversation_id REFERENCES conversations (id) ON DELETE CASCADE,
    role VARCHAR(20) NOT NULL
        CONSTRAINT ck_messages_role CHECK (role IN ('user', 'assistant', 'system')),
    content TEXT NOT NULL,
    sources_json TEXT,
    model VARCHAR(100),
    input_tokens INTEGER CONSTRAINT ck_messages_input_tokens CHECK (input_tokens >= 0),
    output_tokens INTEGER CONSTRAINT ck_messages_output_tokens CHECK (output_tokens >= 0),
    temperature NUMERIC(3, 2) DEFAULT 0.70
        CONSTRAINT ck_messages_temperature CHECK (temperature BETWEEN 0 AND 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE audit_log (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor VARCHAR(255) NOT NULL DEFAULT 'system',
    action VARCHAR(50) NOT NULL
        CONSTRAINT ck_audit_log_action_not_empty CHECK (length(trim(action)) > 0),
    entity_type VARCHAR(50) NOT NULL,
    entity_id VARCHAR(64),
    details_json TEXT,
    ip_address VARCHAR(45)
);

-- +upgrade sqlite
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL
        CONSTRAINT fk_messages_conversation_id REFERENCES conversations (id) ON DELETE CASCADE,
    role VARCHAR(20) NOT NULL
        CONSTRAINT ck_messages_role CHECK (role IN ('user', 'assistant', 'system')),
    content TEXT NOT NULL,
    sources_json TEXT,
    model VARCHAR(100),
    input_tokens INTEGER CONSTRAINT ck_messages_input_tokens CHECK (input_tokens >= 0),
    output_tokens INTEGER CONSTRAINT ck_messages_output_tokens CHECK (output_tokens >= 0),
    temperature NUMERIC(3, 2) DEFAULT 0.70
        CONSTRAINT ck_messages_temperature CHECK (temperature BETWEEN 0 AND 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    actor VARCHAR(255) NOT NULL DEFAULT 'system',
    action VARCHAR(50) NOT NULL
        CONSTRAINT ck_audit_log_action_not_empty CHECK (length(trim(action)) > 0),
    entity_type VARCHAR(50) NOT NULL,
    entity_id VARCHAR(64),
    details_json TEXT,
    ip_address VARCHAR(45)
);

-- +upgrade
-- A conversation is read back in message order.
CREATE INDEX ix_messages_conversation_id_created_at ON messages (conversation_id, created_at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at);

-- +downgrade
DROP INDEX ix_audit_log_occurred_at;
DROP INDEX ix_audit_log_entity;
DROP INDEX ix_messages_conversation_id_created_at;
DROP TABLE audit_log;
DROP TABLE messages;
DROP TABLE system_config;
DROP INDEX ix_conversations_updated_at;
DROP TABLE conversations;
DROP TABLE prompt_templates;
DROP INDEX ix_document_tags_tag;
DROP TABLE document_tags;
DROP INDEX ix_document_programs_program_name;
DROP TABLE document_programs;
DROP INDEX ix_documents_doc_type_year;
DROP INDEX uq_documents_content_hash;
DROP TABLE documents;
