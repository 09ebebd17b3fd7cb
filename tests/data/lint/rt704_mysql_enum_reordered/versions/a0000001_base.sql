-- revision: a0000001
-- down_revision: 

-- +upgrade
CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price DECIMAL(10, 2),
    status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new'
);

-- +downgrade
DROP TABLE accounts;
