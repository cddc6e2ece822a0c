-- Organisation-scoped access for grids (see organizations' 0014): a grid, its cases, patrols,
-- assignments and household files belong to the grid's community; a scoped caller
-- (dangjian_scoped) sees and changes only those inside its scope. Events and visits follow
-- their case and household. Everyone else, the escalation sweep included, sees every row.
ALTER TABLE grids.grids ENABLE ROW LEVEL SECURITY;
CREATE POLICY grids_all ON grids.grids USING (true);
CREATE POLICY grids_in_scope ON grids.grids AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE grids.cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_all ON grids.cases USING (true);
CREATE POLICY cases_in_scope ON grids.cases AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE grids.case_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_events_all ON grids.case_events USING (true);
CREATE POLICY case_events_follow_case ON grids.case_events AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM grids.cases p WHERE p.id = case_id));

ALTER TABLE grids.assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignments_all ON grids.assignments USING (true);
CREATE POLICY assignments_follow_grid ON grids.assignments AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM grids.grids p WHERE p.id = grid_id));

ALTER TABLE grids.patrols ENABLE ROW LEVEL SECURITY;
CREATE POLICY patrols_all ON grids.patrols USING (true);
CREATE POLICY patrols_follow_grid ON grids.patrols AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM grids.grids p WHERE p.id = grid_id));

ALTER TABLE grids.households ENABLE ROW LEVEL SECURITY;
CREATE POLICY households_all ON grids.households USING (true);
CREATE POLICY households_follow_grid ON grids.households AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM grids.grids p WHERE p.id = grid_id));

ALTER TABLE grids.household_visits ENABLE ROW LEVEL SECURITY;
CREATE POLICY household_visits_all ON grids.household_visits USING (true);
CREATE POLICY household_visits_follow_household ON grids.household_visits AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM grids.households p WHERE p.id = household_id));
