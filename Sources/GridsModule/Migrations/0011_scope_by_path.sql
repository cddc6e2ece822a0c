-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0010, checked in place instead of by a probe of the organisation (and of the parent
-- row for events, assignments, patrols, households and visits).
-- The guards of cases and their history let the copy follow a moved organisation, nothing else.
SELECT organizations.scope_by_path('grids.grids', 'community_id');
SELECT organizations.scope_by_path('grids.cases', 'community_id');
SELECT organizations.let_path_pass_guard('grids.cases', 'cases_check_transition');
SELECT organizations.scope_by_path_through('grids.case_events', 'case_id', 'grids.cases');
SELECT organizations.let_path_pass_guard('grids.case_events', 'case_events_append_only');
SELECT organizations.scope_by_path_through('grids.assignments', 'grid_id', 'grids.grids');
SELECT organizations.scope_by_path_through('grids.patrols', 'grid_id', 'grids.grids');
SELECT organizations.scope_by_path_through('grids.households', 'grid_id', 'grids.grids');
SELECT organizations.scope_by_path_through('grids.household_visits', 'household_id', 'grids.households');
