-- Org Archivist: the schema the backend's models describe, at the head revision (5f7d2a6c8e13).
-- `retort check` compares a database with this file; `retort diff` shows what differs.
-- The format is in docs/model.md: plain DDL for every dialect, and "-- +dialect <name>"
-- sections for what differs between dialects (here: identity columns, as in the scripts).

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL
        CONSTRAINT ck_users_email_format CHECK (email LIKE '%_@_%'),
    full_name VARCHAR(255),
    password_hash VARCHAR(255),
    role VARCHAR(20) NOT NULL DEFAULT 'editor'
        CONSTRAINT ck_users_role CHECK (role IN ('admin', 'editor', 'viewer')),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    failed_login_count INTEGER NOT NULL DEFAULT 0
        CONSTRAINT ck_users_failed_login_count CHECK (failed_login_count >= 0),
    last_login_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE user_sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL
        CONSTRAINT fk_user_sessions_user_id REFERENCES users (id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP,
    is_revoked BOOLEAN NOT NULL DEFAULT FALSE,
    user_agent VARCHAR(500),
    ip_address VARCHAR(45),
    CONSTRAINT uq_user_sessions_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_user_sessions_expiry CHECK (expires_at > created_at)
);

CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);
CREATE INDEX ix_user_sessions_expires_at ON user_sessions (expires_at);

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
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    owner_id INTEGER
        CONSTRAINT fk_documents_owner_id REFERENCES users (id) ON DELETE SET NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'active'
        CONSTRAINT ck_documents_status CHECK (status IN ('draft', 'active', 'archived'))
);

CREATE UNIQUE INDEX uq_documents_content_hash ON documents (content_hash);
CREATE INDEX ix_documents_doc_type_year ON documents (doc_type, year);
CREATE INDEX ix_documents_owner_id_status ON documents (owner_id, status);

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
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    user_id INTEGER
        CONSTRAINT fk_conversations_user_id REFERENCES users (id) ON DELETE SET NULL,
    title VARCHAR(255),
    is_archived BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX ix_conversations_updated_at ON conversations (updated_at);
CREATE INDEX ix_conversations_user_id_is_archived ON conversations (user_id, is_archived);

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

CREATE TABLE writing_styles (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL
        CONSTRAINT ck_writing_styles_name_not_empty CHECK (length(trim(name)) > 0),
    style_type VARCHAR(30) NOT NULL DEFAULT 'general'
        CONSTRAINT ck_writing_styles_style_type CHECK (style_type IN (
            'grant', 'proposal', 'report', 'letter', 'general')),
    description TEXT,
    instructions TEXT NOT NULL,
    examples_json TEXT NOT NULL DEFAULT '[]',
    target_word_count INTEGER
        CONSTRAINT ck_writing_styles_target_word_count CHECK (target_word_count > 0),
    formality NUMERIC(3, 2) NOT NULL DEFAULT 0.50
        CONSTRAINT ck_writing_styles_formality CHECK (formality BETWEEN 0 AND 1),
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_by INTEGER
        CONSTRAINT fk_writing_styles_created_by REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_writing_styles_name UNIQUE (name)
);

CREATE INDEX ix_writing_styles_style_type_is_active ON writing_styles (style_type, is_active);

CREATE TABLE outputs (
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
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    writing_style_id INTEGER
        CONSTRAINT fk_outputs_writing_style_id REFERENCES writing_styles (id) ON DELETE SET NULL
);

CREATE INDEX ix_outputs_conversation_id ON outputs (conversation_id);
CREATE INDEX ix_outputs_status_created_at ON outputs (status, created_at);
CREATE INDEX ix_outputs_writing_style_id ON outputs (writing_style_id);

-- Ids: INTEGER PRIMARY KEY numbers itself on SQLite; PostgreSQL makes it an identity column.
-- The append-only tables messages and audit_log differ more: AUTOINCREMENT on SQLite, a
-- BIGINT identity on PostgreSQL.
-- +dialect postgresql
ALTER TABLE users ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE user_sessions ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE documents ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE prompt_templates ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE conversations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE writing_styles ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
ALTER TABLE outputs ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;

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

-- +dialect sqlite
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

-- +dialect all
CREATE INDEX ix_messages_conversation_id_created_at ON messages (conversation_id, created_at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX ix_audit_log_occurred_at ON audit_log (occurred_at);
