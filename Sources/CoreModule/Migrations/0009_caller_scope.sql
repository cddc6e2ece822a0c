-- Organisation-scoped access: the caller's scope as the database sees it.
--
-- A caller held to part of the organisation tree (access.scopes in the configuration) runs
-- every command with the transaction-local setting workbench.scope: the codes of the
-- organisations whose subtrees it may see and change, separated by commas. The command path
-- sets it (CallerScope); nothing else does, so the daemon's own jobs and unscoped callers run
-- without it, which means the whole tree. The modules' row-level security policies read it
-- through this function (the organizations module resolves the codes to paths).
CREATE FUNCTION workbench.scope_codes() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN coalesce(current_setting('workbench.scope', true), '') = '' THEN NULL
                ELSE string_to_array(current_setting('workbench.scope', true), ',') END
$$;

-- The paths (ltree text, comma-separated) of the organisations the codes name, which the
-- command path puts in the setting workbench.scope_paths beside the codes so that policies read
-- them without a query. The core knows no tree: the organizations module, which owns it,
-- replaces this function.
CREATE FUNCTION workbench.scope_paths_text(codes text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT NULL::text
$$;

-- Each audit row records the scope of the caller who made it (NULL: the whole tree).
ALTER TABLE workbench.audit_log ADD COLUMN scope text[];

-- Puts a table under the caller's scope: row-level security with a permissive policy that
-- admits every row to every role, and a restrictive one for dangjian_scoped (the role a scoped
-- caller's commands run as) that admits the rows `condition` holds for (a boolean SQL
-- expression over the table's columns, written by the module that owns the table). The runtime
-- login meets only the permissive "true", which the planner drops. Used by the modules'
-- scoped-access migrations; a table that needs different rules per command writes its policies
-- itself.
CREATE FUNCTION workbench.scope_table(scoped regclass, condition text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', scoped);
    EXECUTE format('CREATE POLICY all_rows ON %s USING (true)', scoped);
    EXECUTE format('CREATE POLICY in_scope ON %s AS RESTRICTIVE TO dangjian_scoped USING (%s)', scoped, condition);
END;
$$;

-- Puts a table under the scope of its parent: a row is in scope when the parent row its
-- `reference` column names is (the parent's own policies decide).
CREATE FUNCTION workbench.scope_table_through(scoped regclass, reference text, parent regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- The outer column is qualified with its table: the parent may have a column of that name.
    PERFORM workbench.scope_table(scoped, format('EXISTS (SELECT 1 FROM %s p WHERE p.id = %s.%I)', parent, scoped, reference));
END;
$$;

-- Migrations only: the runtime role has no use for them (and could not alter a table anyway).
REVOKE EXECUTE ON FUNCTION workbench.scope_table(regclass, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION workbench.scope_table_through(regclass, text, regclass) FROM PUBLIC;
