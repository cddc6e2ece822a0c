-- Organisation-scoped access for property (see organizations' 0014). A complex, its contracts
-- and cross-appointments, a claimed project and a complaint with its events belong to their
-- community. Companies, their star ratings and their evaluations are a register shared by the
-- whole district (a company serves complexes in several streets): they are not scoped. A
-- red/black list belongs to the organisation it was computed over; it is also readable from
-- inside it (a district's list is read by its streets and communities), and only a caller
-- whose scope holds that organisation publishes one.
SELECT workbench.scope_table('property.complexes', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table_through('property.service_contracts', 'complex_id', 'property.complexes');
SELECT workbench.scope_table_through('property.cross_appointments', 'complex_id', 'property.complexes');
SELECT workbench.scope_table('property.projects', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table('property.complaints', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table_through('property.complaint_events', 'complaint_id', 'property.complaints');

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
    USING (scope_unit_id IS NULL OR EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = scope_unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))) OR property.scope_inside(scope_unit_id));
CREATE POLICY rankings_publish_in_scope ON property.rankings AS RESTRICTIVE FOR INSERT TO dangjian_scoped
    WITH CHECK (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = scope_unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))));
CREATE POLICY rankings_change_in_scope ON property.rankings AS RESTRICTIVE FOR UPDATE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = scope_unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))));
CREATE POLICY rankings_remove_in_scope ON property.rankings AS RESTRICTIVE FOR DELETE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = scope_unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))));

SELECT workbench.scope_table_through('property.ranking_entries', 'ranking_id', 'property.rankings');
