-- Organisation-scoped access for grids (see organizations' 0014): a grid, its cases, patrols,
-- assignments and household files belong to the grid's community; a caller held to some
-- subtrees sees and changes only those inside them. Events and visits follow their case and
-- household. The escalation sweep runs without a scope and sees every case.
ALTER TABLE grids.grids ENABLE ROW LEVEL SECURITY;
CREATE POLICY grids_in_scope ON grids.grids USING (organizations.unit_in_scope(community_id));

ALTER TABLE grids.cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_in_scope ON grids.cases USING (organizations.unit_in_scope(community_id));

ALTER TABLE grids.case_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_events_follow_case ON grids.case_events USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM grids.cases c WHERE c.id = case_id));

ALTER TABLE grids.assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignments_follow_grid ON grids.assignments USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM grids.grids g WHERE g.id = grid_id));

ALTER TABLE grids.patrols ENABLE ROW LEVEL SECURITY;
CREATE POLICY patrols_follow_grid ON grids.patrols USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM grids.grids g WHERE g.id = grid_id));

ALTER TABLE grids.households ENABLE ROW LEVEL SECURITY;
CREATE POLICY households_follow_grid ON grids.households USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM grids.grids g WHERE g.id = grid_id));

ALTER TABLE grids.household_visits ENABLE ROW LEVEL SECURITY;
CREATE POLICY household_visits_follow_household ON grids.household_visits
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM grids.households h WHERE h.id = household_id));
