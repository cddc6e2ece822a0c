-- Each organisation's own counts (本组织自身计数), kept as rows change, so that `org unit show`,
-- `org unit tree`, `org unit list` and `org stats` add up a subtree's counts instead of counting
-- its members, reports and pairs on every call.
--
-- A row holds what belongs to the unit itself, never its descendants: whether it is active
-- (with its kind), its active direct child organisations, its active members (by status,
-- mobile, in service), the open double reports and co-building pairs made to it as a community
-- (with the pairs' projects by status), and the venues in its area. A subtree's figure is the
-- SUM of the rows whose path is under the subtree's root (`path <@ root`). No ancestor keeps a
-- running total: a member joining a building group touches that group's row only, so
-- concurrent writes in different units never queue on a shared row.
--
-- Every unit has a row, made when the unit is, carrying a copy of the unit's path and kind so
-- that a subtree's sums read this narrow table alone (a district's 50,000 rows in one scan,
-- where a join to organizations.units would hash both tables). A unit moving in the tree keeps
-- its counts; the statement that rewrites the subtree's paths rewrites the copies too, and its
-- old and new parents' `children` change.
--
-- Statement-level triggers keep the rows: each statement's transition tables (including a
-- COPY's) are aggregated per unit, and the changes applied with one INSERT … ON CONFLICT DO
-- UPDATE, in unit order, so that two statements touching the same units lock them in the
-- same order. A statement that changes nothing counted (a rename, a new phone number) writes
-- nothing.
--
-- organizations.unit_counts_recounted computes the same counts from the tables themselves: the
-- backfill below reads it, and comparing the two shows any drift.
CREATE TABLE organizations.unit_counts (
    unit_id              bigint  PRIMARY KEY,
    -- The unit's path (organizations.units.path), kept equal by the units trigger below.
    path                 public.ltree NOT NULL,
    -- The unit's kind, and 1 while the unit is active (not dissolved): summed by kind, a
    -- subtree's active organisations.
    kind                 text    NOT NULL,
    active               integer NOT NULL,
    -- Active (not dissolved) organisations whose parent is this unit.
    children             integer NOT NULL DEFAULT 0,
    -- Active members (left_on IS NULL) of this unit, and of those: formal (正式党员),
    -- probationary (预备党员), mobile (流动党员) and in service with a work unit (在职党员).
    members              integer NOT NULL DEFAULT 0,
    members_formal       integer NOT NULL DEFAULT 0,
    members_probationary integer NOT NULL DEFAULT 0,
    members_mobile       integer NOT NULL DEFAULT 0,
    members_in_service   integer NOT NULL DEFAULT 0,
    -- Open double reports (双报到) to this community, by resident units and by members.
    reports_units        integer NOT NULL DEFAULT 0,
    reports_members      integer NOT NULL DEFAULT 0,
    -- Open co-building pairs (结对共建) with this community, and the projects of all its pairs
    -- (open or ended) by status.
    pairs                integer NOT NULL DEFAULT 0,
    projects_planned     integer NOT NULL DEFAULT 0,
    projects_in_progress integer NOT NULL DEFAULT 0,
    projects_done        integer NOT NULL DEFAULT 0,
    -- Venues (楼宇、园区、市场、企业) whose area is this unit.
    venues               integer NOT NULL DEFAULT 0
);

CREATE INDEX unit_counts_path_gist ON organizations.unit_counts USING gist (path);

CREATE VIEW organizations.unit_counts_recounted AS
SELECT u.id AS unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer AS active,
       COALESCE(sum(children), 0)::integer AS children, COALESCE(sum(members), 0)::integer AS members,
       COALESCE(sum(members_formal), 0)::integer AS members_formal,
       COALESCE(sum(members_probationary), 0)::integer AS members_probationary,
       COALESCE(sum(members_mobile), 0)::integer AS members_mobile,
           COALESCE(sum(members_in_service), 0)::integer AS members_in_service,
       COALESCE(sum(reports_units), 0)::integer AS reports_units, COALESCE(sum(reports_members), 0)::integer AS reports_members,
       COALESCE(sum(pairs), 0)::integer AS pairs, COALESCE(sum(projects_planned), 0)::integer AS projects_planned,
       COALESCE(sum(projects_in_progress), 0)::integer AS projects_in_progress,
       COALESCE(sum(projects_done), 0)::integer AS projects_done, COALESCE(sum(venues), 0)::integer AS venues
FROM organizations.units u
LEFT JOIN (
    SELECT parent_id AS unit_id, 1 AS children, 0 AS members, 0 AS members_formal, 0 AS members_probationary,
        0 AS members_mobile,
           0 AS members_in_service, 0 AS reports_units, 0 AS reports_members, 0 AS pairs, 0 AS projects_planned,
           0 AS projects_in_progress, 0 AS projects_done, 0 AS venues
    FROM organizations.units WHERE parent_id IS NOT NULL AND dissolved_on IS NULL
    UNION ALL
    SELECT unit_id, 0, 1, (status = 'formal')::integer, (status = 'probationary')::integer, is_mobile::integer,
           (work_unit IS NOT NULL)::integer, 0, 0, 0, 0, 0, 0, 0
    FROM organizations.members WHERE left_on IS NULL
    UNION ALL
    SELECT community_id, 0, 0, 0, 0, 0, 0, (unit_id IS NOT NULL)::integer, (member_id IS NOT NULL)::integer, 0, 0, 0, 0, 0
    FROM organizations.reports WHERE ended_on IS NULL
    UNION ALL
    SELECT community_id, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0
    FROM organizations.pairs WHERE ended_on IS NULL
    UNION ALL
    SELECT p.community_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, (j.status = 'planned')::integer, (j.status = 'in_progress')::integer,
           (j.status = 'done')::integer, 0
    FROM organizations.projects j JOIN organizations.pairs p ON p.id = j.pair_id
    UNION ALL
    SELECT area_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
    FROM organizations.venues
) counted ON counted.unit_id = u.id
GROUP BY u.id;

-- Units: every unit has a row from the statement that adds it; each active unit counts once
-- among its parent's children. Dissolving is -1 on the parent and clears the unit's own
-- `active`; a move is -1 on the old parent and +1 on the new, and every moved unit's row takes
-- its new path. A deleted unit's row goes
-- with it. (A trigger with transition tables serves one event, so each function here has a
-- branch per event: INSERT sees the new rows, DELETE the old, UPDATE both.)
CREATE FUNCTION organizations.unit_counts_from_units() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, children)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.children
        FROM (
            SELECT unit_id, sum(children) AS children
            FROM (
                SELECT id AS unit_id, 0 AS children FROM new_units
                UNION ALL
                SELECT parent_id, 1 FROM new_units WHERE parent_id IS NOT NULL AND dissolved_on IS NULL
            ) added
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET children = c.children + EXCLUDED.children;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, children)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.children
        FROM (
            SELECT parent_id AS unit_id, -count(*) AS children FROM old_units
            WHERE parent_id IS NOT NULL AND dissolved_on IS NULL AND parent_id NOT IN (SELECT id FROM old_units)
            GROUP BY parent_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET children = c.children + EXCLUDED.children;
        DELETE FROM organizations.unit_counts WHERE unit_id IN (SELECT id FROM old_units);
    ELSE
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, children)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.children
        FROM (
            SELECT unit_id, sum(children) AS children, bool_or(restated) AS restated
            FROM (
                SELECT n.id AS unit_id, 0 AS children, true AS restated
                FROM new_units n JOIN old_units o ON o.id = n.id
                WHERE n.path <> o.path OR n.kind <> o.kind OR (n.dissolved_on IS NULL) <> (o.dissolved_on IS NULL)
                UNION ALL
                SELECT parent_id, 1, false FROM new_units WHERE parent_id IS NOT NULL AND dissolved_on IS NULL
                UNION ALL
                SELECT parent_id, -1, false FROM old_units WHERE parent_id IS NOT NULL AND dissolved_on IS NULL
            ) changed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE d.children <> 0 OR d.restated
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE
        SET children = c.children + EXCLUDED.children, path = EXCLUDED.path, kind = EXCLUDED.kind, active = EXCLUDED.active;
    END IF;
    RETURN NULL;
END;
$$;

-- Members: active members by unit, status, mobile flag and work unit. A transfer is -1 on the
-- old unit and +1 on the new; leaving is -1.
CREATE FUNCTION organizations.unit_counts_from_members() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, members, members_formal, members_probationary, members_mobile, members_in_service)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.members, d.members_formal,
            d.members_probationary, d.members_mobile, d.members_in_service
        FROM (
            SELECT unit_id, sum(sign * members) AS members, sum(sign * members_formal) AS members_formal,
                sum(sign * members_probationary) AS members_probationary, sum(sign * members_mobile) AS members_mobile,
                sum(sign * members_in_service) AS members_in_service
            FROM (
                SELECT 1 AS sign, r.unit_id AS unit_id, (r.left_on IS NULL)::integer AS members,
                    (r.left_on IS NULL AND r.status = 'formal')::integer AS members_formal,
                    (r.left_on IS NULL AND r.status = 'probationary')::integer AS members_probationary,
                    (r.left_on IS NULL AND r.is_mobile)::integer AS members_mobile,
                    (r.left_on IS NULL AND r.work_unit IS NOT NULL)::integer AS members_in_service
                FROM new_members r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.members, d.members_formal, d.members_probationary, d.members_mobile, d.members_in_service) <> (0, 0, 0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members,
            members_formal = c.members_formal + EXCLUDED.members_formal,
            members_probationary = c.members_probationary + EXCLUDED.members_probationary,
            members_mobile = c.members_mobile + EXCLUDED.members_mobile,
            members_in_service = c.members_in_service + EXCLUDED.members_in_service;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, members, members_formal, members_probationary, members_mobile, members_in_service)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.members, d.members_formal,
            d.members_probationary, d.members_mobile, d.members_in_service
        FROM (
            SELECT unit_id, sum(sign * members) AS members, sum(sign * members_formal) AS members_formal,
                sum(sign * members_probationary) AS members_probationary, sum(sign * members_mobile) AS members_mobile,
                sum(sign * members_in_service) AS members_in_service
            FROM (
                SELECT -1 AS sign, r.unit_id AS unit_id, (r.left_on IS NULL)::integer AS members,
                    (r.left_on IS NULL AND r.status = 'formal')::integer AS members_formal,
                    (r.left_on IS NULL AND r.status = 'probationary')::integer AS members_probationary,
                    (r.left_on IS NULL AND r.is_mobile)::integer AS members_mobile,
                    (r.left_on IS NULL AND r.work_unit IS NOT NULL)::integer AS members_in_service
                FROM old_members r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.members, d.members_formal, d.members_probationary, d.members_mobile, d.members_in_service) <> (0, 0, 0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members,
            members_formal = c.members_formal + EXCLUDED.members_formal,
            members_probationary = c.members_probationary + EXCLUDED.members_probationary,
            members_mobile = c.members_mobile + EXCLUDED.members_mobile,
            members_in_service = c.members_in_service + EXCLUDED.members_in_service;
    ELSE
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, members, members_formal, members_probationary, members_mobile, members_in_service)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.members, d.members_formal,
            d.members_probationary, d.members_mobile, d.members_in_service
        FROM (
            SELECT unit_id, sum(sign * members) AS members, sum(sign * members_formal) AS members_formal,
                sum(sign * members_probationary) AS members_probationary, sum(sign * members_mobile) AS members_mobile,
                sum(sign * members_in_service) AS members_in_service
            FROM (
                SELECT 1 AS sign, r.unit_id AS unit_id, (r.left_on IS NULL)::integer AS members,
                    (r.left_on IS NULL AND r.status = 'formal')::integer AS members_formal,
                    (r.left_on IS NULL AND r.status = 'probationary')::integer AS members_probationary,
                    (r.left_on IS NULL AND r.is_mobile)::integer AS members_mobile,
                    (r.left_on IS NULL AND r.work_unit IS NOT NULL)::integer AS members_in_service
                FROM new_members r
                UNION ALL
                SELECT -1 AS sign, r.unit_id AS unit_id, (r.left_on IS NULL)::integer AS members,
                    (r.left_on IS NULL AND r.status = 'formal')::integer AS members_formal,
                    (r.left_on IS NULL AND r.status = 'probationary')::integer AS members_probationary,
                    (r.left_on IS NULL AND r.is_mobile)::integer AS members_mobile,
                    (r.left_on IS NULL AND r.work_unit IS NOT NULL)::integer AS members_in_service
                FROM old_members r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.members, d.members_formal, d.members_probationary, d.members_mobile, d.members_in_service) <> (0, 0, 0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET members = c.members + EXCLUDED.members,
            members_formal = c.members_formal + EXCLUDED.members_formal,
            members_probationary = c.members_probationary + EXCLUDED.members_probationary,
            members_mobile = c.members_mobile + EXCLUDED.members_mobile,
            members_in_service = c.members_in_service + EXCLUDED.members_in_service;
    END IF;
    RETURN NULL;
END;
$$;

-- Double reports: open reports (ended_on IS NULL) by the community they go to.
CREATE FUNCTION organizations.unit_counts_from_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, reports_units, reports_members)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.reports_units, d.reports_members
        FROM (
            SELECT unit_id, sum(sign * reports_units) AS reports_units, sum(sign * reports_members) AS reports_members
            FROM (
                SELECT 1 AS sign, r.community_id AS unit_id,
                    (r.ended_on IS NULL AND r.unit_id IS NOT NULL)::integer AS reports_units,
                    (r.ended_on IS NULL AND r.member_id IS NOT NULL)::integer AS reports_members
                FROM new_reports r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.reports_units, d.reports_members) <> (0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET reports_units = c.reports_units + EXCLUDED.reports_units,
            reports_members = c.reports_members + EXCLUDED.reports_members;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, reports_units, reports_members)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.reports_units, d.reports_members
        FROM (
            SELECT unit_id, sum(sign * reports_units) AS reports_units, sum(sign * reports_members) AS reports_members
            FROM (
                SELECT -1 AS sign, r.community_id AS unit_id,
                    (r.ended_on IS NULL AND r.unit_id IS NOT NULL)::integer AS reports_units,
                    (r.ended_on IS NULL AND r.member_id IS NOT NULL)::integer AS reports_members
                FROM old_reports r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.reports_units, d.reports_members) <> (0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET reports_units = c.reports_units + EXCLUDED.reports_units,
            reports_members = c.reports_members + EXCLUDED.reports_members;
    ELSE
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, reports_units, reports_members)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.reports_units, d.reports_members
        FROM (
            SELECT unit_id, sum(sign * reports_units) AS reports_units, sum(sign * reports_members) AS reports_members
            FROM (
                SELECT 1 AS sign, r.community_id AS unit_id,
                    (r.ended_on IS NULL AND r.unit_id IS NOT NULL)::integer AS reports_units,
                    (r.ended_on IS NULL AND r.member_id IS NOT NULL)::integer AS reports_members
                FROM new_reports r
                UNION ALL
                SELECT -1 AS sign, r.community_id AS unit_id,
                    (r.ended_on IS NULL AND r.unit_id IS NOT NULL)::integer AS reports_units,
                    (r.ended_on IS NULL AND r.member_id IS NOT NULL)::integer AS reports_members
                FROM old_reports r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.reports_units, d.reports_members) <> (0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET reports_units = c.reports_units + EXCLUDED.reports_units,
            reports_members = c.reports_members + EXCLUDED.reports_members;
    END IF;
    RETURN NULL;
END;
$$;

-- Co-building pairs: open pairs by community. A pair's projects count at its community too, so
-- a pair that changes community takes its projects along (the same pair's rows cancel out
-- when it stays).
CREATE FUNCTION organizations.unit_counts_from_pairs() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, pairs, projects_planned, projects_in_progress, projects_done)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.pairs, d.projects_planned,
            d.projects_in_progress, d.projects_done
        FROM (
            SELECT unit_id, sum(sign * pairs) AS pairs, sum(sign * projects_planned) AS projects_planned,
                sum(sign * projects_in_progress) AS projects_in_progress, sum(sign * projects_done) AS projects_done
            FROM (
                SELECT 1 AS sign, r.community_id AS unit_id, (r.ended_on IS NULL)::integer AS pairs,
                    j.planned AS projects_planned, j.in_progress AS projects_in_progress,
                    j.done AS projects_done
                FROM new_pairs r
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE status = 'planned')::integer AS planned,
                           count(*) FILTER (WHERE status = 'in_progress')::integer AS in_progress,
                           count(*) FILTER (WHERE status = 'done')::integer AS done
                    FROM organizations.projects WHERE pair_id = r.id) j
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.pairs, d.projects_planned, d.projects_in_progress, d.projects_done) <> (0, 0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET pairs = c.pairs + EXCLUDED.pairs,
            projects_planned = c.projects_planned + EXCLUDED.projects_planned,
            projects_in_progress = c.projects_in_progress + EXCLUDED.projects_in_progress,
            projects_done = c.projects_done + EXCLUDED.projects_done;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, pairs, projects_planned, projects_in_progress, projects_done)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.pairs, d.projects_planned,
            d.projects_in_progress, d.projects_done
        FROM (
            SELECT unit_id, sum(sign * pairs) AS pairs, sum(sign * projects_planned) AS projects_planned,
                sum(sign * projects_in_progress) AS projects_in_progress, sum(sign * projects_done) AS projects_done
            FROM (
                SELECT -1 AS sign, r.community_id AS unit_id, (r.ended_on IS NULL)::integer AS pairs,
                    j.planned AS projects_planned, j.in_progress AS projects_in_progress,
                    j.done AS projects_done
                FROM old_pairs r
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE status = 'planned')::integer AS planned,
                           count(*) FILTER (WHERE status = 'in_progress')::integer AS in_progress,
                           count(*) FILTER (WHERE status = 'done')::integer AS done
                    FROM organizations.projects WHERE pair_id = r.id) j
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.pairs, d.projects_planned, d.projects_in_progress, d.projects_done) <> (0, 0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET pairs = c.pairs + EXCLUDED.pairs,
            projects_planned = c.projects_planned + EXCLUDED.projects_planned,
            projects_in_progress = c.projects_in_progress + EXCLUDED.projects_in_progress,
            projects_done = c.projects_done + EXCLUDED.projects_done;
    ELSE
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, pairs, projects_planned, projects_in_progress, projects_done)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.pairs, d.projects_planned,
            d.projects_in_progress, d.projects_done
        FROM (
            SELECT unit_id, sum(sign * pairs) AS pairs, sum(sign * projects_planned) AS projects_planned,
                sum(sign * projects_in_progress) AS projects_in_progress, sum(sign * projects_done) AS projects_done
            FROM (
                SELECT 1 AS sign, r.community_id AS unit_id, (r.ended_on IS NULL)::integer AS pairs,
                    j.planned AS projects_planned, j.in_progress AS projects_in_progress,
                    j.done AS projects_done
                FROM new_pairs r
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE status = 'planned')::integer AS planned,
                           count(*) FILTER (WHERE status = 'in_progress')::integer AS in_progress,
                           count(*) FILTER (WHERE status = 'done')::integer AS done
                    FROM organizations.projects WHERE pair_id = r.id) j
                UNION ALL
                SELECT -1 AS sign, r.community_id AS unit_id, (r.ended_on IS NULL)::integer AS pairs,
                    j.planned AS projects_planned, j.in_progress AS projects_in_progress,
                    j.done AS projects_done
                FROM old_pairs r
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE status = 'planned')::integer AS planned,
                           count(*) FILTER (WHERE status = 'in_progress')::integer AS in_progress,
                           count(*) FILTER (WHERE status = 'done')::integer AS done
                    FROM organizations.projects WHERE pair_id = r.id) j
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.pairs, d.projects_planned, d.projects_in_progress, d.projects_done) <> (0, 0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET pairs = c.pairs + EXCLUDED.pairs,
            projects_planned = c.projects_planned + EXCLUDED.projects_planned,
            projects_in_progress = c.projects_in_progress + EXCLUDED.projects_in_progress,
            projects_done = c.projects_done + EXCLUDED.projects_done;
    END IF;
    RETURN NULL;
END;
$$;

-- Co-building projects: by status, at their pair's community.
CREATE FUNCTION organizations.unit_counts_from_projects() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, projects_planned, projects_in_progress, projects_done)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.projects_planned, d.projects_in_progress,
            d.projects_done
        FROM (
            SELECT unit_id, sum(sign * projects_planned) AS projects_planned,
                sum(sign * projects_in_progress) AS projects_in_progress, sum(sign * projects_done) AS projects_done
            FROM (
                SELECT 1 AS sign, p.community_id AS unit_id, (r.status = 'planned')::integer AS projects_planned,
                    (r.status = 'in_progress')::integer AS projects_in_progress,
                    (r.status = 'done')::integer AS projects_done
                FROM new_projects r JOIN organizations.pairs p ON p.id = r.pair_id
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.projects_planned, d.projects_in_progress, d.projects_done) <> (0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET projects_planned = c.projects_planned + EXCLUDED.projects_planned,
            projects_in_progress = c.projects_in_progress + EXCLUDED.projects_in_progress,
            projects_done = c.projects_done + EXCLUDED.projects_done;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, projects_planned, projects_in_progress, projects_done)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.projects_planned, d.projects_in_progress,
            d.projects_done
        FROM (
            SELECT unit_id, sum(sign * projects_planned) AS projects_planned,
                sum(sign * projects_in_progress) AS projects_in_progress, sum(sign * projects_done) AS projects_done
            FROM (
                SELECT -1 AS sign, p.community_id AS unit_id, (r.status = 'planned')::integer AS projects_planned,
                    (r.status = 'in_progress')::integer AS projects_in_progress,
                    (r.status = 'done')::integer AS projects_done
                FROM old_projects r JOIN organizations.pairs p ON p.id = r.pair_id
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.projects_planned, d.projects_in_progress, d.projects_done) <> (0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET projects_planned = c.projects_planned + EXCLUDED.projects_planned,
            projects_in_progress = c.projects_in_progress + EXCLUDED.projects_in_progress,
            projects_done = c.projects_done + EXCLUDED.projects_done;
    ELSE
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, projects_planned, projects_in_progress, projects_done)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.projects_planned, d.projects_in_progress,
            d.projects_done
        FROM (
            SELECT unit_id, sum(sign * projects_planned) AS projects_planned,
                sum(sign * projects_in_progress) AS projects_in_progress, sum(sign * projects_done) AS projects_done
            FROM (
                SELECT 1 AS sign, p.community_id AS unit_id, (r.status = 'planned')::integer AS projects_planned,
                    (r.status = 'in_progress')::integer AS projects_in_progress,
                    (r.status = 'done')::integer AS projects_done
                FROM new_projects r JOIN organizations.pairs p ON p.id = r.pair_id
                UNION ALL
                SELECT -1 AS sign, p.community_id AS unit_id, (r.status = 'planned')::integer AS projects_planned,
                    (r.status = 'in_progress')::integer AS projects_in_progress,
                    (r.status = 'done')::integer AS projects_done
                FROM old_projects r JOIN organizations.pairs p ON p.id = r.pair_id
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE (d.projects_planned, d.projects_in_progress, d.projects_done) <> (0, 0, 0)
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET projects_planned = c.projects_planned + EXCLUDED.projects_planned,
            projects_in_progress = c.projects_in_progress + EXCLUDED.projects_in_progress,
            projects_done = c.projects_done + EXCLUDED.projects_done;
    END IF;
    RETURN NULL;
END;
$$;

-- Venues: by the street or community whose area they are in.
CREATE FUNCTION organizations.unit_counts_from_venues() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, venues)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.venues
        FROM (
            SELECT unit_id, sum(sign * venues) AS venues
            FROM (
                SELECT 1 AS sign, r.area_id AS unit_id, 1 AS venues
                FROM new_venues r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE d.venues <> 0
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET venues = c.venues + EXCLUDED.venues;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, venues)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.venues
        FROM (
            SELECT unit_id, sum(sign * venues) AS venues
            FROM (
                SELECT -1 AS sign, r.area_id AS unit_id, 1 AS venues
                FROM old_venues r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE d.venues <> 0
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET venues = c.venues + EXCLUDED.venues;
    ELSE
        INSERT INTO organizations.unit_counts AS c
            (unit_id, path, kind, active, venues)
        SELECT d.unit_id, u.path, u.kind, (u.dissolved_on IS NULL)::integer, d.venues
        FROM (
            SELECT unit_id, sum(sign * venues) AS venues
            FROM (
                SELECT 1 AS sign, r.area_id AS unit_id, 1 AS venues
                FROM new_venues r
                UNION ALL
                SELECT -1 AS sign, r.area_id AS unit_id, 1 AS venues
                FROM old_venues r
            ) signed
            GROUP BY unit_id
        ) d
        JOIN organizations.units u ON u.id = d.unit_id
        WHERE d.venues <> 0
        ORDER BY d.unit_id
        ON CONFLICT (unit_id) DO UPDATE SET venues = c.venues + EXCLUDED.venues;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER units_counted_insert AFTER INSERT ON organizations.units
    REFERENCING NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_units();
CREATE TRIGGER units_counted_update AFTER UPDATE ON organizations.units
    REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_units();
CREATE TRIGGER units_counted_delete AFTER DELETE ON organizations.units
    REFERENCING OLD TABLE AS old_units
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_units();

CREATE TRIGGER members_counted_insert AFTER INSERT ON organizations.members
    REFERENCING NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_members();
CREATE TRIGGER members_counted_update AFTER UPDATE ON organizations.members
    REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_members();
CREATE TRIGGER members_counted_delete AFTER DELETE ON organizations.members
    REFERENCING OLD TABLE AS old_members
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_members();

CREATE TRIGGER reports_counted_insert AFTER INSERT ON organizations.reports
    REFERENCING NEW TABLE AS new_reports
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_reports();
CREATE TRIGGER reports_counted_update AFTER UPDATE ON organizations.reports
    REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_reports();
CREATE TRIGGER reports_counted_delete AFTER DELETE ON organizations.reports
    REFERENCING OLD TABLE AS old_reports
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_reports();

CREATE TRIGGER pairs_counted_insert AFTER INSERT ON organizations.pairs
    REFERENCING NEW TABLE AS new_pairs
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_pairs();
CREATE TRIGGER pairs_counted_update AFTER UPDATE ON organizations.pairs
    REFERENCING OLD TABLE AS old_pairs NEW TABLE AS new_pairs
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_pairs();
CREATE TRIGGER pairs_counted_delete AFTER DELETE ON organizations.pairs
    REFERENCING OLD TABLE AS old_pairs
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_pairs();

CREATE TRIGGER projects_counted_insert AFTER INSERT ON organizations.projects
    REFERENCING NEW TABLE AS new_projects
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_projects();
CREATE TRIGGER projects_counted_update AFTER UPDATE ON organizations.projects
    REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_projects();
CREATE TRIGGER projects_counted_delete AFTER DELETE ON organizations.projects
    REFERENCING OLD TABLE AS old_projects
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_projects();

CREATE TRIGGER venues_counted_insert AFTER INSERT ON organizations.venues
    REFERENCING NEW TABLE AS new_venues
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_venues();
CREATE TRIGGER venues_counted_update AFTER UPDATE ON organizations.venues
    REFERENCING OLD TABLE AS old_venues NEW TABLE AS new_venues
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_venues();
CREATE TRIGGER venues_counted_delete AFTER DELETE ON organizations.venues
    REFERENCING OLD TABLE AS old_venues
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.unit_counts_from_venues();

-- What exists already: a row for every unit. Creating the triggers locked their tables against
-- writes until this migration commits, so the count below neither misses a change nor sees one
-- twice.
INSERT INTO organizations.unit_counts
    (unit_id, path, kind, active, children, members, members_formal, members_probationary, members_mobile, members_in_service,
     reports_units, reports_members, pairs, projects_planned, projects_in_progress, projects_done, venues)
SELECT unit_id, path, kind, active, children, members, members_formal, members_probationary, members_mobile, members_in_service,
       reports_units, reports_members, pairs, projects_planned, projects_in_progress, projects_done, venues
FROM organizations.unit_counts_recounted;
