-- How a scope's codes resolve to paths, as a view rather than a function.
--
-- The command path's opening statement (CallerScope) reads the paths of the caller's
-- organisations from this view, in the same statement that sets workbench.scope_paths. A view
-- is planned into that prepared statement once; the function it replaces (0009) ran as its own
-- PL/pgSQL call in every round trip of a scoped command, which cost more than most of the
-- statements that followed it (0.09 ms, measured with pgbench). The core knows no tree: it
-- defines the view empty, and the organizations module, which owns the tree, replaces it.
CREATE VIEW workbench.scope_unit_paths (code, path) AS
    SELECT NULL::text, NULL::text WHERE false;
GRANT SELECT ON workbench.scope_unit_paths TO dangjian_runtime;

DROP FUNCTION workbench.scope_paths_text(text);
