-- Organisation-scoped access: row-level security over the organisation tree.
--
-- A caller held to some subtrees (workbench.scope_codes(), see the core's 0009) sees and
-- changes only rows that belong to an organisation inside them; the runtime role is subject to
-- these policies, the schema's owner (migrations, the benchmark's loader) is not. A row outside
-- the scope is invisible, so a command that looks it up answers 404 exactly as for a row that
-- does not exist, and a query that forgets a filter still finds nothing outside. Rows reached
-- through another table follow it (a member's points follow the member). A relation across
-- subtrees is visible from both sides: a double report (双报到) to its community and to the
-- reporting unit or member, a pair (结对共建) and a part-time seat likewise.
--
-- Every policy tests for a scope first (an init plan, read once per statement), so that an
-- unscoped caller and the daemon's own jobs pay nothing for the rest of it: a row that follows
-- its parent looks the parent up only for a scoped caller.
--
-- Foreign-key checks are not subject to row-level security. The count triggers run as the
-- owner (SECURITY DEFINER below): a change inside the scope still updates the counts of an
-- organisation outside it (a member added in a community counts in its district).

-- The paths of the scope's organisations; as the owner, so that it can read them while the
-- policy on units is being evaluated (no recursion).
CREATE FUNCTION organizations.scope_paths() RETURNS public.ltree[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT coalesce(array_agg(path), '{}') FROM organizations.units WHERE code = ANY (workbench.scope_codes())
$$;

-- Whether a path lies in the caller's scope (always, without one). The sub-selects make the
-- scope an init plan: read once per statement, not once per row.
CREATE FUNCTION organizations.in_scope(p public.ltree) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT (SELECT workbench.scope_codes()) IS NULL OR p OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))
$$;

-- Whether an organisation (by id) lies in the caller's scope.
CREATE FUNCTION organizations.unit_in_scope(unit bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT (SELECT workbench.scope_codes()) IS NULL OR EXISTS (
        SELECT 1 FROM organizations.units u
        WHERE u.id = unit AND u.path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())))
$$;

-- Whether an organisation outside the scope works with one inside it: it reports to (双报到),
-- is paired with (结对共建) or sends a part-time member to (兼职委员) an organisation in the
-- scope. Such an organisation is visible (not changeable) from the scope, so that the
-- relation can be shown by name. As the owner: the tables it reads are themselves scoped.
CREATE FUNCTION organizations.works_with_scope(unit bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM organizations.units c
        WHERE c.path OPERATOR(public.<@) ANY (organizations.scope_paths())
          AND (EXISTS (SELECT 1 FROM organizations.reports r WHERE r.unit_id = unit AND r.community_id = c.id)
               OR EXISTS (SELECT 1 FROM organizations.pairs p WHERE p.unit_id = unit AND p.community_id = c.id)
               OR EXISTS (SELECT 1 FROM organizations.seats s WHERE s.from_unit_id = unit AND s.committee_id = c.id)))
$$;

-- Whether a member outside the scope reports to a community inside it (党员双报到).
CREATE FUNCTION organizations.member_reports_to_scope(member bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM organizations.reports r JOIN organizations.units c ON c.id = r.community_id
        WHERE r.member_id = member AND c.path OPERATOR(public.<@) ANY (organizations.scope_paths()))
$$;

-- The second test of each pair of policies runs only for a scoped caller (OR evaluates in
-- order), so an unscoped caller pays for none of it.
ALTER TABLE organizations.units ENABLE ROW LEVEL SECURITY;
CREATE POLICY units_in_scope ON organizations.units USING (organizations.in_scope(path));
CREATE POLICY units_working_with_scope ON organizations.units FOR SELECT
    USING ((SELECT workbench.scope_codes()) IS NOT NULL AND organizations.works_with_scope(id));

ALTER TABLE organizations.unit_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY unit_counts_in_scope ON organizations.unit_counts USING (organizations.in_scope(path));

ALTER TABLE organizations.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_in_scope ON organizations.members USING (organizations.unit_in_scope(unit_id));
CREATE POLICY members_reporting_to_scope ON organizations.members FOR SELECT
    USING ((SELECT workbench.scope_codes()) IS NOT NULL AND organizations.member_reports_to_scope(id));

ALTER TABLE organizations.member_transfers ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_transfers_follow_member ON organizations.member_transfers
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id));

ALTER TABLE organizations.reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_either_side ON organizations.reports USING (
    organizations.unit_in_scope(community_id) OR organizations.unit_in_scope(unit_id)
    OR EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id));

ALTER TABLE organizations.service_hours ENABLE ROW LEVEL SECURITY;
CREATE POLICY service_hours_follow_report ON organizations.service_hours
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.reports r WHERE r.id = report_id));

ALTER TABLE organizations.seats ENABLE ROW LEVEL SECURITY;
CREATE POLICY seats_either_side ON organizations.seats
    USING (organizations.unit_in_scope(committee_id) OR organizations.unit_in_scope(from_unit_id));

ALTER TABLE organizations.pairs ENABLE ROW LEVEL SECURITY;
CREATE POLICY pairs_either_side ON organizations.pairs
    USING (organizations.unit_in_scope(community_id) OR organizations.unit_in_scope(unit_id));

ALTER TABLE organizations.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_follow_pair ON organizations.projects
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.pairs p WHERE p.id = pair_id));

ALTER TABLE organizations.points ENABLE ROW LEVEL SECURITY;
CREATE POLICY points_follow_member ON organizations.points
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id));

ALTER TABLE organizations.venues ENABLE ROW LEVEL SECURITY;
CREATE POLICY venues_in_scope ON organizations.venues USING (organizations.unit_in_scope(area_id));

ALTER TABLE organizations.venue_covers ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_covers_either_side ON organizations.venue_covers
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.venues v WHERE v.id = venue_id) OR organizations.unit_in_scope(unit_id));

ALTER TABLE organizations.venue_activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY venue_activities_follow_venue ON organizations.venue_activities
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.venues v WHERE v.id = venue_id));

ALTER TABLE organizations.scheduled_ends ENABLE ROW LEVEL SECURITY;
CREATE POLICY scheduled_ends_follow_target ON organizations.scheduled_ends USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id)
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
