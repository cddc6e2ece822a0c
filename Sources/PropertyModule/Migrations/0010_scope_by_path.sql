-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0009, checked in place. Rankings keep their own rules (a list is readable from
-- inside the organisation it covers, too), restated below.
-- Their guards (the complaint status machine, the append-only history) let the copy through.
SELECT organizations.scope_by_path('property.complexes', 'community_id');
SELECT organizations.scope_by_path_through('property.service_contracts', 'complex_id', 'property.complexes');
SELECT organizations.scope_by_path_through('property.cross_appointments', 'complex_id', 'property.complexes');
SELECT organizations.scope_by_path('property.projects', 'community_id');
SELECT organizations.scope_by_path('property.complaints', 'community_id');
SELECT organizations.scope_by_path_through('property.complaint_events', 'complaint_id', 'property.complaints');

-- The red/black lists: 0009's rules, matched against the scope's organisations as the other
-- policies now are (organizations' 0015).
CREATE OR REPLACE FUNCTION property.scope_inside(unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM organizations.unit_paths s
        WHERE s.organisation_id = ANY (organizations.scope_ids())
          AND s.organisation_path OPERATOR(public.~) ('*.' || unit || '.*')::public.lquery)
$$;

DROP POLICY rankings_read_in_or_over_scope ON property.rankings;
DROP POLICY rankings_publish_in_scope ON property.rankings;
DROP POLICY rankings_change_in_scope ON property.rankings;
DROP POLICY rankings_remove_in_scope ON property.rankings;
DO $policy$
BEGIN
    EXECUTE format('CREATE POLICY rankings_read_in_or_over_scope ON property.rankings AS RESTRICTIVE FOR SELECT TO dangjian_scoped '
                   'USING (scope_unit_id IS NULL OR %s OR property.scope_inside(scope_unit_id))', organizations.in_scope_condition('scope_unit_id'));
    EXECUTE format('CREATE POLICY rankings_publish_in_scope ON property.rankings AS RESTRICTIVE FOR INSERT TO dangjian_scoped WITH CHECK (%s)',
                   organizations.in_scope_condition('scope_unit_id'));
    EXECUTE format('CREATE POLICY rankings_change_in_scope ON property.rankings AS RESTRICTIVE FOR UPDATE TO dangjian_scoped USING (%s)',
                   organizations.in_scope_condition('scope_unit_id'));
    EXECUTE format('CREATE POLICY rankings_remove_in_scope ON property.rankings AS RESTRICTIVE FOR DELETE TO dangjian_scoped USING (%s)',
                   organizations.in_scope_condition('scope_unit_id'));
END
$policy$;
