-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0010, checked in place instead of by a probe of the organisation (and of the parent
-- row for events, assignments, patrols, households and visits).
-- Their guards (the case status machine, the append-only history) let the copy through.
SELECT organizations.scope_by_path('grids.grids', 'community_id');
SELECT organizations.scope_by_path('grids.cases', 'community_id');
SELECT organizations.scope_by_path_through('grids.case_events', 'case_id', 'grids.cases');
SELECT organizations.scope_by_path_through('grids.assignments', 'grid_id', 'grids.grids');
SELECT organizations.scope_by_path_through('grids.patrols', 'grid_id', 'grids.grids');
SELECT organizations.scope_by_path_through('grids.households', 'grid_id', 'grids.grids');
SELECT organizations.scope_by_path_through('grids.household_visits', 'household_id', 'grids.households');
