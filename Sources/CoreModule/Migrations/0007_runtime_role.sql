-- The runtime role: what the daemon's commands may do in the core's schema.
--
-- dangjiand applies migrations as the owner of the schemas and serves commands as an
-- ordinary login role that is a member of dangjian_runtime (the README's "Database roles").
-- The runtime role owns nothing, so it can neither change a table's shape nor switch off a
-- trigger; it holds only the grants below. Every migration that adds a table grants it to
-- dangjian_runtime in the same file; a test fails for a table the runtime role cannot read.
GRANT USAGE ON SCHEMA workbench TO dangjian_runtime;

-- The audit log is append-only for the daemon: it may read and add rows, nothing else.
GRANT SELECT, INSERT ON workbench.audit_log TO dangjian_runtime;
-- Stored replies of request_id=: written by commands, removed by the clean-up job.
GRANT SELECT, INSERT, UPDATE, DELETE ON workbench.idempotency_keys TO dangjian_runtime;
-- The working calendar: `calendar set` and `calendar import` change it.
GRANT SELECT, INSERT, UPDATE, DELETE ON workbench.calendar_days TO dangjian_runtime;
-- `migrations` and `status` read what was applied; only the owner applies migrations.
GRANT SELECT ON workbench.schema_migrations TO dangjian_runtime;

-- TRUNCATE fires no row trigger, so the append-only rule also gets a statement trigger: the
-- audit log cannot be emptied even by its owner without dropping this trigger first.
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON workbench.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION workbench.audit_log_append_only();
