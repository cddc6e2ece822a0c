-- The first table of the governance module. Name every object with its schema.
CREATE TABLE governance.items (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL CONSTRAINT items_name_key UNIQUE CONSTRAINT items_name_check CHECK (length(name) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON CONSTRAINT items_name_check ON governance.items IS 'name: a name has 1 to 100 characters';

-- Commands run as the runtime role (README, "Database roles"): grant what they need.
GRANT USAGE ON SCHEMA governance TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON governance.items TO dangjian_runtime;

-- A table whose rows belong to an organisation (a unit_id referencing organizations.units)
-- is held to scoped callers' subtrees here too (README, "Scopes"):
--   SELECT organizations.scope_by_path('governance.things', 'unit_id');
-- and a table whose rows belong to another row follows it:
--   SELECT organizations.scope_by_path_through('governance.thing_notes', 'thing_id', 'governance.things');
-- and a BEFORE UPDATE guard added to such a table later (an append-only history) lets the
-- copy of a moved organisation's path through:
--   SELECT organizations.let_path_pass_guard('governance.thing_notes', 'thing_notes_append_only');
