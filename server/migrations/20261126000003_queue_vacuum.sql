-- The task and outbox tables are queues: every row is updated a few times
-- and then never again. Their dead row versions pile up in the partial
-- "ready"/"due" indexes that every claim scans, so vacuum them after a
-- small share of changes instead of the default fifth of the table, and
-- without the cost pauses meant for background tables.
ALTER TABLE order_tasks SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0,
    autovacuum_analyze_scale_factor = 0.02
);
ALTER TABLE outbox SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
ALTER TABLE orders SET (
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
