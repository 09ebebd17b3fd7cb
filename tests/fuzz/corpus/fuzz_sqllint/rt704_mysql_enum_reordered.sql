ALTER TABLE accounts MODIFY status ENUM('new', 'pending', 'active', 'closed') NOT NULL DEFAULT 'new';

