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

-- Each audit row records the scope of the caller who made it (NULL: the whole tree).
ALTER TABLE workbench.audit_log ADD COLUMN scope text[];
