-- Organisation-scoped access for grids (see organizations' 0014): a grid, its cases, patrols,
-- assignments and household files belong to the grid's community; a scoped caller
-- (dangjian_scoped) sees and changes only those inside its scope. Events and visits follow
-- their case and household. Everyone else, the escalation sweep included, sees every row.
SELECT workbench.scope_table('grids.grids', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table('grids.cases', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table_through('grids.case_events', 'case_id', 'grids.cases');
SELECT workbench.scope_table_through('grids.assignments', 'grid_id', 'grids.grids');
SELECT workbench.scope_table_through('grids.patrols', 'grid_id', 'grids.grids');
SELECT workbench.scope_table_through('grids.households', 'grid_id', 'grids.grids');
SELECT workbench.scope_table_through('grids.household_visits', 'household_id', 'grids.households');
