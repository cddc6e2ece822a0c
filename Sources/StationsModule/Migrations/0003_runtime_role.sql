-- The runtime role: what the daemon's commands may do in the stations schema.
--
-- dangjiand applies migrations as the owner of the schemas and serves commands as an
-- ordinary login role that is a member of dangjian_runtime (the README's "Database roles").
-- The runtime role owns nothing: it can neither change a table's shape nor switch off a
-- trigger, and holds only the grants below. Every later migration that adds a table grants
-- it here too (in its own file); a test fails for a table the runtime role cannot read.
GRANT USAGE ON SCHEMA stations TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA stations TO dangjian_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA stations TO dangjian_runtime;
