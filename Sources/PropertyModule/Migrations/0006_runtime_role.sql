-- The runtime role: what the daemon's commands may do in the property schema.
--
-- dangjiand applies migrations as the owner of the schemas and serves commands as an
-- ordinary login role that is a member of dangjian_runtime (the README's "Database roles").
-- The runtime role owns nothing: it can neither change a table's shape nor switch off a
-- trigger, and holds only the grants below. Every later migration that adds a table grants
-- it here too (in its own file); a test fails for a table the runtime role cannot read.
GRANT USAGE ON SCHEMA property TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA property TO dangjian_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA property TO dangjian_runtime;

-- Histories are append-only: the daemon adds to them and never rewrites them.
REVOKE UPDATE, DELETE ON property.complaint_events FROM dangjian_runtime;
REVOKE UPDATE, DELETE ON property.star_ratings FROM dangjian_runtime;
REVOKE UPDATE, DELETE ON property.evaluation_items FROM dangjian_runtime;
REVOKE UPDATE, DELETE ON property.checklist_items FROM dangjian_runtime;

-- Reference tables the migrations fill (status machines): read only.
REVOKE INSERT, UPDATE, DELETE ON property.complaint_transitions FROM dangjian_runtime;
