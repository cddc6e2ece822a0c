-- What each rule of the core's tables means to an operator: when a change breaks one, the
-- daemon answers with the comment's message, naming the argument before the colon ('-' for a
-- rule about a record's state rather than one value). See ConstraintRule.
COMMENT ON CONSTRAINT audit_log_duration_ms_check ON workbench.audit_log IS
    '-: an audit row''s duration is never negative';
COMMENT ON CONSTRAINT audit_log_peer_uid_check ON workbench.audit_log IS
    '-: an audit row names the caller''s uid, which is never negative';
COMMENT ON CONSTRAINT audit_log_reply_status_check ON workbench.audit_log IS
    '-: an audit row''s reply status is from 100 to 599';
COMMENT ON CONSTRAINT audit_log_role_check ON workbench.audit_log IS
    '-: an audit row''s role is viewer, operator or admin';
COMMENT ON CONSTRAINT calendar_days_changes_the_day ON workbench.calendar_days IS
    'kind: a holiday falls on a Monday to Friday and a make-up workday (调休) on a Saturday or Sunday; anything else would change nothing, so check the date';
COMMENT ON CONSTRAINT calendar_days_kind_check ON workbench.calendar_days IS
    'kind: a calendar day is a holiday (a weekday off) or a workday (a weekend day worked)';
COMMENT ON CONSTRAINT calendar_days_name_check ON workbench.calendar_days IS
    'name: a calendar day''s name is 1 to 50 characters, not only blanks, such as 国庆节';
COMMENT ON CONSTRAINT idempotency_keys_caller_uid_check ON workbench.idempotency_keys IS
    '-: a request id belongs to a caller''s uid, which is never negative';
COMMENT ON CONSTRAINT idempotency_keys_request_id_check ON workbench.idempotency_keys IS
    'request_id: a request_id is 1 to 128 characters (Unicode code points); a UUID works well';
COMMENT ON CONSTRAINT schema_migrations_checksum_check ON workbench.schema_migrations IS
    '-: a migration''s checksum is 64 lowercase hexadecimal digits (SHA-256)';
COMMENT ON CONSTRAINT schema_migrations_execution_ms_check ON workbench.schema_migrations IS
    '-: a migration''s execution time is never negative';
COMMENT ON CONSTRAINT schema_migrations_version_check ON workbench.schema_migrations IS
    '-: a migration''s version is a positive number';
