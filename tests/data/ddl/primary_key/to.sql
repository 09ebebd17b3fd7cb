CREATE TABLE readings (
    sensor VARCHAR(20) NOT NULL,
    taken_at TIMESTAMP NOT NULL,
    value REAL,
    CONSTRAINT pk_readings PRIMARY KEY (sensor, taken_at)
);
