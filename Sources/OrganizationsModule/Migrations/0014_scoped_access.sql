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

-- Every organisation's path, mirrored from units by trigger into a table without row-level
-- security, so that a policy can check a row's organisation with one index probe (a lookup in
-- units itself would meet units' own policy). Internal: no command reads it.
-- Its columns are named so that no scoped table has one of the same name (a policy's
-- sub-select must not take the outer row's column for its own).
CREATE TABLE organizations.unit_paths (
    organisation_id   bigint       PRIMARY KEY
                                   CONSTRAINT unit_paths_unit_fkey REFERENCES organizations.units (id) ON DELETE CASCADE,
    organisation_path public.ltree NOT NULL
);
INSERT INTO organizations.unit_paths (organisation_id, organisation_path) SELECT id, path FROM organizations.units;
GRANT SELECT ON organizations.unit_paths TO dangjian_runtime;

CREATE FUNCTION organizations.unit_paths_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO organizations.unit_paths (organisation_id, organisation_path) VALUES (NEW.id, NEW.path)
    ON CONFLICT (organisation_id) DO UPDATE SET organisation_path = EXCLUDED.organisation_path;
    RETURN NULL;
END;
$$;
CREATE TRIGGER units_mirror_path
    AFTER INSERT OR UPDATE OF path ON organizations.units
    FOR EACH ROW EXECUTE FUNCTION organizations.unit_paths_follow();

-- How the codes of a scope resolve to paths (the core's hook, see its 0009): read once per
-- round trip of a scoped command, as the owner. PL/pgSQL keeps the query's plan for the
-- connection (an SQL function would plan it at every call: 0.3 ms, measured).
CREATE OR REPLACE FUNCTION workbench.scope_paths_text(codes text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    RETURN (SELECT string_agg(u.path::text, ',') FROM organizations.units u WHERE u.code = ANY (string_to_array(codes, ',')));
END;
$$;

-- The paths of the scope's organisations, from the setting (no query: a policy calls it for
-- each row it checks). None known (a code that names nothing) admits nothing.
CREATE FUNCTION organizations.scope_paths() RETURNS public.ltree[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_to_array(nullif(current_setting('workbench.scope_paths', true), ''), ','), '{}')::public.ltree[]
$$;

-- The condition a restrictive policy writes for a row that belongs to the organisation in
-- `column`: one probe of unit_paths, the scope's paths read once per statement.
CREATE FUNCTION organizations.in_scope_condition(column_name text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = %I '
                  'AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())))', column_name)
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

SELECT workbench.scope_table('organizations.unit_counts', 'path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))');

ALTER TABLE organizations.members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_all ON organizations.members USING (true);
CREATE POLICY members_read_in_scope ON organizations.members AS RESTRICTIVE FOR SELECT TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths())))
           OR id IN (SELECT organizations.members_reporting_to_scope()));
CREATE POLICY members_add_in_scope ON organizations.members AS RESTRICTIVE FOR INSERT TO dangjian_scoped
    WITH CHECK (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))));
CREATE POLICY members_change_in_scope ON organizations.members AS RESTRICTIVE FOR UPDATE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))))
    WITH CHECK (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))));
CREATE POLICY members_remove_in_scope ON organizations.members AS RESTRICTIVE FOR DELETE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = unit_id AND s.organisation_path OPERATOR(public.<@) ANY ((SELECT organizations.scope_paths()))));

SELECT workbench.scope_table_through('organizations.member_transfers', 'member_id', 'organizations.members');
SELECT workbench.scope_table('organizations.reports',
    organizations.in_scope_condition('community_id') || ' OR ' || organizations.in_scope_condition('unit_id')
    || ' OR EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id)');
SELECT workbench.scope_table_through('organizations.service_hours', 'report_id', 'organizations.reports');
SELECT workbench.scope_table('organizations.seats',
    organizations.in_scope_condition('committee_id') || ' OR ' || organizations.in_scope_condition('from_unit_id'));
SELECT workbench.scope_table('organizations.pairs',
    organizations.in_scope_condition('community_id') || ' OR ' || organizations.in_scope_condition('unit_id'));
SELECT workbench.scope_table_through('organizations.projects', 'pair_id', 'organizations.pairs');
SELECT workbench.scope_table_through('organizations.points', 'member_id', 'organizations.members');
SELECT workbench.scope_table('organizations.venues', organizations.in_scope_condition('area_id'));
SELECT workbench.scope_table('organizations.venue_covers',
    'EXISTS (SELECT 1 FROM organizations.venues v WHERE v.id = venue_id) OR ' || organizations.in_scope_condition('unit_id'));
SELECT workbench.scope_table_through('organizations.venue_activities', 'venue_id', 'organizations.venues');
SELECT workbench.scope_table('organizations.scheduled_ends',
    'EXISTS (SELECT 1 FROM organizations.members m WHERE m.id = member_id)
     OR EXISTS (SELECT 1 FROM organizations.units u WHERE u.id = unit_id)
     OR EXISTS (SELECT 1 FROM organizations.reports r WHERE r.id = report_id)
     OR EXISTS (SELECT 1 FROM organizations.seats s WHERE s.id = seat_id)');

-- Subtree filters (path <@ …) stay index conditions for a scoped caller only if the planner may
-- run them before the policies, which it does for LEAKPROOF functions alone. ltree's ancestor
-- tests are (they compare labels and reveal nothing else), but only a superuser may say so:
-- the embedded cluster's owner is one; on an external database an administrator runs these
-- four statements as a superuser (README, "Database roles"), or scoped callers' subtree
-- queries scan instead.
DO $leakproof$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION public.ltree_risparent(public.ltree, public.ltree) LEAKPROOF;
        ALTER FUNCTION public.ltree_isparent(public.ltree, public.ltree) LEAKPROOF;
        ALTER FUNCTION public._ltree_r_isparent(public.ltree, public.ltree[]) LEAKPROOF;
        ALTER FUNCTION public._ltree_r_risparent(public.ltree, public.ltree[]) LEAKPROOF;
    END IF;
END
$leakproof$;

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
