-- The core's own tables, in the `workbench` schema (module id "workbench").
--
-- audit_log: one row per mutating command that changed something (written in the same
-- transaction as the change) and per refused command (403, 404, 409, 422). Rows are never
-- updated or deleted by the daemon.
CREATE TABLE workbench.audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    peer_pid       integer     NOT NULL,
    peer_uid       bigint      NOT NULL CHECK (peer_uid >= 0),
    peer_user      text        NOT NULL,
    role           text        CHECK (role IN ('viewer', 'operator', 'admin')),
    module         text        NOT NULL,
    command        text        NOT NULL,
    arguments      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    request_id     text,
    reply_status   integer     NOT NULL CHECK (reply_status BETWEEN 100 AND 599),
    reply_code     text,
    summary        text,
    duration_ms    numeric(12, 3) NOT NULL CHECK (duration_ms >= 0)
);

CREATE INDEX audit_log_at_idx ON workbench.audit_log (at DESC);
CREATE INDEX audit_log_module_at_idx ON workbench.audit_log (module, at DESC);

-- The audit log is append-only: updates and deletes are refused even for the daemon.
CREATE FUNCTION workbench.audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only'
        USING ERRCODE = 'P0001', HINT = 'workbench.audit.append_only';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON workbench.audit_log
    FOR EACH ROW EXECUTE FUNCTION workbench.audit_log_append_only();

-- idempotency_keys: the first reply of each mutating command sent with request_id=, so a
-- retry returns that reply and changes nothing. The row is inserted first (serialising
-- concurrent retries on the primary key) and filled in before COMMIT.
CREATE TABLE workbench.idempotency_keys (
    request_id     text        PRIMARY KEY CHECK (length(request_id) BETWEEN 1 AND 128),
    module         text        NOT NULL,
    command        text        NOT NULL,
    arguments      jsonb       NOT NULL,
    reply          jsonb,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX idempotency_keys_created_at_idx ON workbench.idempotency_keys (created_at);
