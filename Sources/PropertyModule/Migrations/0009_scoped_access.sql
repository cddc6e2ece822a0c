-- Organisation-scoped access for property (see organizations' 0014). A complex, its contracts
-- and cross-appointments, a claimed project and a complaint with its events belong to their
-- community. Companies, their star ratings and their evaluations are a register shared by the
-- whole district (a company serves complexes in several streets): they are not scoped. A
-- red/black list belongs to the organisation it was computed over; it is also readable from
-- inside it (a district's list is read by its streets and communities), and only a caller
-- whose scope holds that organisation publishes one.
ALTER TABLE property.complexes ENABLE ROW LEVEL SECURITY;
CREATE POLICY complexes_all ON property.complexes USING (true);
CREATE POLICY complexes_in_scope ON property.complexes AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE property.service_contracts ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_contracts_all ON property.service_contracts USING (true);
CREATE POLICY service_contracts_follow_complex ON property.service_contracts AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM property.complexes p WHERE p.id = complex_id));

ALTER TABLE property.cross_appointments ENABLE ROW LEVEL SECURITY;
CREATE POLICY cross_appointments_all ON property.cross_appointments USING (true);
CREATE POLICY cross_appointments_follow_complex ON property.cross_appointments AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM property.complexes p WHERE p.id = complex_id));

ALTER TABLE property.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_all ON property.projects USING (true);
CREATE POLICY projects_in_scope ON property.projects AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE property.complaints ENABLE ROW LEVEL SECURITY;
CREATE POLICY complaints_all ON property.complaints USING (true);
CREATE POLICY complaints_in_scope ON property.complaints AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE property.complaint_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY complaint_events_all ON property.complaint_events USING (true);
CREATE POLICY complaint_events_follow_complaint ON property.complaint_events AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM property.complaints p WHERE p.id = complaint_id));

-- Whether the caller's scope lies inside an organisation (a street reading its district's list).
CREATE FUNCTION property.scope_inside(unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM organizations.units u, unnest(organizations.scope_paths()) AS s(path)
        WHERE u.id = unit AND s.path OPERATOR(public.<@) u.path)
$$;

ALTER TABLE property.rankings ENABLE ROW LEVEL SECURITY;
CREATE POLICY rankings_all ON property.rankings USING (true);
CREATE POLICY rankings_read_in_or_over_scope ON property.rankings AS RESTRICTIVE FOR SELECT TO dangjian_scoped
    USING (scope_unit_id IS NULL OR scope_unit_id IN (SELECT organizations.scope_unit_ids()) OR property.scope_inside(scope_unit_id));
CREATE POLICY rankings_publish_in_scope ON property.rankings AS RESTRICTIVE FOR INSERT TO dangjian_scoped
    WITH CHECK (scope_unit_id IN (SELECT organizations.scope_unit_ids()));
CREATE POLICY rankings_change_in_scope ON property.rankings AS RESTRICTIVE FOR UPDATE TO dangjian_scoped
    USING (scope_unit_id IN (SELECT organizations.scope_unit_ids()));
CREATE POLICY rankings_remove_in_scope ON property.rankings AS RESTRICTIVE FOR DELETE TO dangjian_scoped
    USING (scope_unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE property.ranking_entries ENABLE ROW LEVEL SECURITY;
CREATE POLICY ranking_entries_all ON property.ranking_entries USING (true);
CREATE POLICY ranking_entries_follow_ranking ON property.ranking_entries AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM property.rankings p WHERE p.id = ranking_id));
