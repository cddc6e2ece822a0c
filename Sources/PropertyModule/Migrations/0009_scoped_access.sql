-- Organisation-scoped access for property (see organizations' 0014). A complex, its contracts
-- and cross-appointments, a claimed project and a complaint with its events belong to their
-- community. Companies, their star ratings and their evaluations are a register shared by the
-- whole district (a company serves complexes in several streets): they are not scoped. A
-- red/black list belongs to the organisation it was computed over; it is also visible from
-- inside it (a district's list is read by its streets and communities), but only a caller
-- whose scope holds that organisation publishes one.
ALTER TABLE property.complexes ENABLE ROW LEVEL SECURITY;
CREATE POLICY complexes_in_scope ON property.complexes USING (organizations.unit_in_scope(community_id));

ALTER TABLE property.service_contracts ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_contracts_follow_complex ON property.service_contracts
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM property.complexes x WHERE x.id = complex_id));

ALTER TABLE property.cross_appointments ENABLE ROW LEVEL SECURITY;
CREATE POLICY cross_appointments_follow_complex ON property.cross_appointments
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM property.complexes x WHERE x.id = complex_id));

ALTER TABLE property.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_in_scope ON property.projects USING (organizations.unit_in_scope(community_id));

ALTER TABLE property.complaints ENABLE ROW LEVEL SECURITY;
CREATE POLICY complaints_in_scope ON property.complaints USING (organizations.unit_in_scope(community_id));

ALTER TABLE property.complaint_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY complaint_events_follow_complaint ON property.complaint_events
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM property.complaints c WHERE c.id = complaint_id));

-- Whether the caller's scope lies inside an organisation (a street reading its district's list).
CREATE FUNCTION property.scope_inside(unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM organizations.units u, unnest(organizations.scope_paths()) AS s(path)
        WHERE u.id = unit AND s.path OPERATOR(public.<@) u.path)
$$;

ALTER TABLE property.rankings ENABLE ROW LEVEL SECURITY;
CREATE POLICY rankings_in_scope ON property.rankings USING (organizations.unit_in_scope(scope_unit_id));
CREATE POLICY rankings_over_scope ON property.rankings FOR SELECT
    USING ((SELECT workbench.scope_codes()) IS NOT NULL AND (scope_unit_id IS NULL OR property.scope_inside(scope_unit_id)));

ALTER TABLE property.ranking_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY ranking_entries_follow_ranking ON property.ranking_entries
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM property.rankings r WHERE r.id = ranking_id));
