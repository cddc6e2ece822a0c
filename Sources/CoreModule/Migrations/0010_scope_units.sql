-- How a scope's codes name organisations, for the command path.
--
-- The daemon resolves the codes of a scoped caller's organisations to their ids once and keeps
-- them (an organisation's id never changes, wherever it moves), and each command binds them
-- into the setting workbench.scope_units beside the codes in workbench.scope. The function
-- that 0009 had resolve codes to paths in every round trip cost more than most statements
-- that followed it (0.07 ms, measured with pgbench), and a path changes when an organisation
-- moves. The core knows no tree: it defines the view empty, and the organizations module,
-- which owns the tree, replaces it.
CREATE VIEW workbench.scope_units (code, id) AS
    SELECT NULL::text, NULL::bigint WHERE false;
GRANT SELECT ON workbench.scope_units TO dangjian_runtime;

DROP FUNCTION workbench.scope_paths_text(text);
