CREATE TABLE readings (sensor VARCHAR(20) NOT NULL, taken_at TIMESTAMP NOT NULL, value REAL);
