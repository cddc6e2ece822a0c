-- Organisation-scoped access: row-level security over the organisation tree.
--
-- A caller held to some subtrees runs its commands as the role dangjian_scoped with the
-- transaction-local setting workbench.scope (organisation codes; workbench.scope_codes(), the
-- core's 0009). On every table that belongs to an organisation, a RESTRICTIVE policy for
-- dangjian_scoped admits only rows of an organisation inside those subtrees; a permissive
-- policy admits every row to everyone else. So the runtime login (unscoped callers, the
-- daemon's own jobs) is subject to nothing but "true", which the planner drops: its plans are
-- those without row-level security. The schema's owner (migrations, the benchmark's loader)
-- bypasses both.
--
-- For a scoped caller a row outside the scope is invisible: a command that looks it up
-- answers 404 exactly as for a row that does not exist, and a query that forgets a filter
-- still finds nothing outside. Rows reached through another table follow it (a member's
-- points follow the member). A relation across subtrees is visible from both sides: a double
-- report (双报到) to its community and to the reporting unit or member, a pair (结对共建) and
-- a part-time seat likewise; the organisation on the other side is readable, not changeable.
--
-- The scope's organisations are read by SECURITY DEFINER functions (as the owner, past the
-- policies), each used as a sub-select that the planner runs once per statement. Foreign-key
-- checks are not subject to row-level security. The count triggers run as the owner too: a
-- change inside the scope still updates the counts of an organisation outside it.

-- The paths of the scope's organisations.
CREATE FUNCTION organizations.scope_paths() RETURNS public.ltree[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(array_agg(path), '{}') FROM organizations.units WHERE code = ANY (workbench.scope_codes())
$$;

-- The ids of every organisation inside the scope (each scope path through the path index).
CREATE FUNCTION organizations.scope_unit_ids() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT u.id FROM unnest(organizations.scope_paths()) AS s(path) JOIN organizations.units u ON u.path OPERATOR(public.<@) s.path
$$;

-- The organisations outside the scope that work with one inside it: they report to (双报到),
-- are paired with (结对共建) or send a part-time member to (兼职委员) an organisation in it.
CREATE FUNCTION organizations.units_working_with_scope() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT r.unit_id FROM organizations.reports r WHERE r.unit_id IS NOT NULL AND r.community_id IN (SELECT organizations.scope_unit_ids())
    UNION
    SELECT p.unit_id FROM organizations.pairs p WHERE p.community_id IN (SELECT organizations.scope_unit_ids())
    UNION
    SELECT s.from_unit_id FROM organizations.seats s WHERE s.committee_id IN (SELECT organizations.scope_unit_ids())
$$;

-- The members outside the scope who report to a community inside it (党员双报到).
CREATE FUNCTION organizations.members_reporting_to_scope() RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT r.member_id FROM organizations.reports r
    WHERE r.member_id IS NOT NULL AND r.community_id IN (SELECT organizations.scope_unit_ids())
$$;

-- Whether an organisation named by code or id exists outside the caller's scope: asked once a
-- scoped lookup found nothing, so that a filter argument (scope=) outside the scope is refused
-- as such (403) rather than as unknown.
CREATE FUNCTION organizations.outside_scope(unit_code text, unit_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT workbench.scope_codes() IS NOT NULL
       AND EXISTS (SELECT 1 FROM organizations.units u WHERE u.id = unit_id OR u.code = unit_code)
$$;

-- The organisation tree: read in the scope and what works with it; changed in the scope.
ALTER TABLE organizations.units ENABLE ROW LEVEL SECURITY;
CREATE POLICY units_all ON organizations.units USING (true);
CREATE POLICY units_read_in_scope ON organizations.units AS RESTRICTIVE FOR SELECT TO dangjian_scoped
    USING (path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))
           OR id IN (SELECT organizations.units_working_with_scope()));
CREATE POLICY units_add_in_scope ON organizations.units AS RESTRICTIVE FOR INSERT TO dangjian_scoped
    WITH CHECK (path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())));
CREATE POLICY units_change_in_scope ON organizations.units AS RESTRICTIVE FOR UPDATE TO dangjian_scoped
    USING (path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())))
    WITH CHECK (path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())));
CREATE POLICY units_remove_in_scope ON organizations.units AS RESTRICTIVE FOR DELETE TO dangjian_scoped
    USING (path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())));

ALTER TABLE organizations.unit_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY unit_counts_all ON organizations.unit_counts USING (true);
CREATE POLICY unit_counts_in_scope ON organizations.unit_counts AS RESTRICTIVE TO dangjian_scoped
    USING (path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())));

-- Members: read in the scope and those reporting to it; changed in the scope.
ALTER TABLE organizations.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_all ON organizations.members USING (true);
CREATE POLICY members_read_in_scope ON organizations.members AS RESTRICTIVE FOR SELECT TO dangjian_scoped
    USING (unit_id IN (SELECT organizations.scope_unit_ids()) OR id IN (SELECT organizations.members_reporting_to_scope()));
CREATE POLICY members_add_in_scope ON organizations.members AS RESTRICTIVE FOR INSERT TO dangjian_scoped
    WITH CHECK (unit_id IN (SELECT organizations.scope_unit_ids()));
CREATE POLICY members_change_in_scope ON organizations.members AS RESTRICTIVE FOR UPDATE TO dangjian_scoped
    USING (unit_id IN (SELECT organizations.scope_unit_ids())) WITH CHECK (unit_id IN (SELECT organizations.scope_unit_ids()));
CREATE POLICY members_remove_in_scope ON organizations.members AS RESTRICTIVE FOR DELETE TO dangjian_scoped
    USING (unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE organizations.member_transfers ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_transfers_all ON organizations.member_transfers USING (true);
CREATE POLICY member_transfers_follow_member ON organizations.member_transfers AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id));

ALTER TABLE organizations.reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_all ON organizations.reports USING (true);
CREATE POLICY reports_either_side ON organizations.reports AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()) OR unit_id IN (SELECT organizations.scope_unit_ids())
           OR EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id));

ALTER TABLE organizations.service_hours ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_hours_all ON organizations.service_hours USING (true);
CREATE POLICY service_hours_follow_report ON organizations.service_hours AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.reports r WHERE r.id = report_id));

ALTER TABLE organizations.seats ENABLE ROW LEVEL SECURITY;
CREATE POLICY seats_all ON organizations.seats USING (true);
CREATE POLICY seats_either_side ON organizations.seats AS RESTRICTIVE TO dangjian_scoped
    USING (committee_id IN (SELECT organizations.scope_unit_ids()) OR from_unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE organizations.pairs ENABLE ROW LEVEL SECURITY;
CREATE POLICY pairs_all ON organizations.pairs USING (true);
CREATE POLICY pairs_either_side ON organizations.pairs AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()) OR unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE organizations.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_all ON organizations.projects USING (true);
CREATE POLICY projects_follow_pair ON organizations.projects AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.pairs p WHERE p.id = pair_id));

ALTER TABLE organizations.points ENABLE ROW LEVEL SECURITY;
CREATE POLICY points_all ON organizations.points USING (true);
CREATE POLICY points_follow_member ON organizations.points AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id));

ALTER TABLE organizations.venues ENABLE ROW LEVEL SECURITY;
CREATE POLICY venues_all ON organizations.venues USING (true);
CREATE POLICY venues_in_scope ON organizations.venues AS RESTRICTIVE TO dangjian_scoped
    USING (area_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE organizations.venue_covers ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_covers_all ON organizations.venue_covers USING (true);
CREATE POLICY venue_covers_either_side ON organizations.venue_covers AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.venues v WHERE v.id = venue_id) OR unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE organizations.venue_activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_activities_all ON organizations.venue_activities USING (true);
CREATE POLICY venue_activities_follow_venue ON organizations.venue_activities AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.venues v WHERE v.id = venue_id));

ALTER TABLE organizations.scheduled_ends ENABLE ROW LEVEL SECURITY;
CREATE POLICY scheduled_ends_all ON organizations.scheduled_ends USING (true);
CREATE POLICY scheduled_ends_follow_target ON organizations.scheduled_ends AS RESTRICTIVE TO dangjian_scoped USING (
    EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id)
    OR EXISTS (SELECT 1 FROM organizations.units u WHERE u.id = unit_id)
    OR EXISTS (SELECT 1 FROM organizations.reports r WHERE r.id = report_id)
    OR EXISTS (SELECT 1 FROM organizations.seats s WHERE s.id = seat_id));

-- The triggers that keep counts and recorded ends in step see every row they must update.
ALTER FUNCTION organizations.unit_counts_from_units() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.unit_counts_from_members() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.unit_counts_from_reports() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.unit_counts_from_pairs() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.unit_counts_from_projects() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.unit_counts_from_venues() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.end_with_units() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.end_with_members() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.drop_ends_of_ended_reports() SECURITY DEFINER SET search_path = pg_catalog, public;
ALTER FUNCTION organizations.drop_ends_of_ended_seats() SECURITY DEFINER SET search_path = pg_catalog, public;

-- The audit log: a scoped caller (a street's admin running 'audit tail') reads the rows of
-- callers held inside its own scope; rows of unscoped callers and of other subtrees stay
-- hidden. Every caller writes its rows.
ALTER TABLE workbench.audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_all ON workbench.audit_log USING (true);
CREATE POLICY audit_log_read_in_scope ON workbench.audit_log AS RESTRICTIVE FOR SELECT TO dangjian_scoped USING (
    scope IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM unnest(scope) AS c(code)
        WHERE NOT EXISTS (
            SELECT 1 FROM organizations.units u
            WHERE u.code = c.code AND u.path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())))));
