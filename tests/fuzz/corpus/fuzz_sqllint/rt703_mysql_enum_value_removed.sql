ALTER TABLE accounts MODIFY status ENUM('new', 'active') NOT NULL DEFAULT 'new';

