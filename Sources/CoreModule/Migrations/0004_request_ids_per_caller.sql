-- A request_id belongs to the caller who sent it: two users who both send request_id=r1 make
-- two requests, and nobody can replay (or read back) another user's reply by guessing its id.
-- The caller is the peer's uid, as in the audit log.
ALTER TABLE workbench.idempotency_keys ADD COLUMN caller_uid bigint;

-- Every stored reply has the audit row of its change, written in the same transaction.
UPDATE workbench.idempotency_keys AS k
SET caller_uid = a.peer_uid
FROM workbench.audit_log AS a
WHERE a.request_id = k.request_id AND a.reply_status < 400;

-- A key without one never completed; a retry with it runs the command again, as it would have.
DELETE FROM workbench.idempotency_keys WHERE caller_uid IS NULL;

ALTER TABLE workbench.idempotency_keys
    ALTER COLUMN caller_uid SET NOT NULL,
    ADD CONSTRAINT idempotency_keys_caller_uid_check CHECK (caller_uid >= 0),
    DROP CONSTRAINT idempotency_keys_pkey,
    ADD CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller_uid, request_id);

-- audit tail's filters: by caller and by command, newest first.
CREATE INDEX audit_log_peer_uid_id_idx ON workbench.audit_log (peer_uid, id DESC);
CREATE INDEX audit_log_command_id_idx ON workbench.audit_log (module, command, id DESC);
