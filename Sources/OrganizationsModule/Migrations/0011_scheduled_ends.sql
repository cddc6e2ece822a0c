-- Ends recorded ahead (预定终止) and what ends with its owner.
--
-- A member's leaving, an organisation's dissolution, a double report's or a part-time seat's
-- end may be recorded before the day it takes effect (a retirement next month, a community
-- merged at the end of the quarter). Until that day nothing changes: the member stays on the
-- rolls, the organisation active, the report and the seat open, and every figure counts them.
-- The end waits here, and the module's background job (ScheduledEnds) applies it on its day
-- with the same rules as the command that recorded it. One that cannot be applied then (an
-- organisation that still has members) is held, with the reason, until it can be or an
-- operator cancels it; an applied one stays as the record of what was done and when.
CREATE TABLE organizations.scheduled_ends (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What ends: exactly one of these.
    member_id    bigint CONSTRAINT scheduled_ends_member_fkey REFERENCES organizations.members (id),
    unit_id      bigint CONSTRAINT scheduled_ends_unit_fkey REFERENCES organizations.units (id),
    report_id    bigint CONSTRAINT scheduled_ends_report_fkey REFERENCES organizations.reports (id),
    seat_id      bigint CONSTRAINT scheduled_ends_seat_fkey REFERENCES organizations.seats (id),
    -- The day it takes effect (the member's last day on the rolls is the day before).
    effective_on date   NOT NULL,
    -- A member's leave reason; a unit's cascade=true (admin) dissolving its subtree too.
    leave_reason text   CONSTRAINT scheduled_ends_leave_reason_known CHECK (
                            leave_reason IN ('transferred_out', 'deceased', 'expelled', 'withdrew', 'other')),
    cascade      boolean NOT NULL DEFAULT false,
    requested_by text   NOT NULL CONSTRAINT scheduled_ends_requested_by_length CHECK (length(requested_by) BETWEEN 1 AND 100),
    requested_at timestamptz NOT NULL DEFAULT now(),
    -- Why the last attempt to apply it was refused, and since when.
    held_reason  text   CONSTRAINT scheduled_ends_held_reason_length CHECK (length(held_reason) <= 500),
    held_since   timestamptz,
    applied_at   timestamptz,
    CONSTRAINT scheduled_ends_one_subject CHECK (num_nonnulls(member_id, unit_id, report_id, seat_id) = 1),
    CONSTRAINT scheduled_ends_reason_for_members CHECK ((member_id IS NOT NULL) = (leave_reason IS NOT NULL)),
    CONSTRAINT scheduled_ends_cascade_for_units CHECK (NOT cascade OR unit_id IS NOT NULL)
);

-- At most one pending end per subject.
CREATE UNIQUE INDEX scheduled_ends_pending_member_key ON organizations.scheduled_ends (member_id)
    WHERE applied_at IS NULL AND member_id IS NOT NULL;
CREATE UNIQUE INDEX scheduled_ends_pending_unit_key ON organizations.scheduled_ends (unit_id)
    WHERE applied_at IS NULL AND unit_id IS NOT NULL;
CREATE UNIQUE INDEX scheduled_ends_pending_report_key ON organizations.scheduled_ends (report_id)
    WHERE applied_at IS NULL AND report_id IS NOT NULL;
CREATE UNIQUE INDEX scheduled_ends_pending_seat_key ON organizations.scheduled_ends (seat_id)
    WHERE applied_at IS NULL AND seat_id IS NOT NULL;
CREATE INDEX scheduled_ends_due_idx ON organizations.scheduled_ends (effective_on, id) WHERE applied_at IS NULL;

COMMENT ON CONSTRAINT scheduled_ends_leave_reason_known ON organizations.scheduled_ends IS
    'reason: a member''s leave reason is one of transferred_out, deceased, expelled, withdrew, other';
COMMENT ON CONSTRAINT scheduled_ends_requested_by_length ON organizations.scheduled_ends IS
    '-: the operator who records an end is named in 1 to 100 characters';
COMMENT ON CONSTRAINT scheduled_ends_held_reason_length ON organizations.scheduled_ends IS
    '-: the reason an end is held is at most 500 characters';
COMMENT ON CONSTRAINT scheduled_ends_one_subject ON organizations.scheduled_ends IS
    '-: an end recorded ahead ends exactly one member, organisation, report or seat';
COMMENT ON CONSTRAINT scheduled_ends_reason_for_members ON organizations.scheduled_ends IS
    'reason: a member''s end recorded ahead has a leave reason, and only a member''s does';
COMMENT ON CONSTRAINT scheduled_ends_cascade_for_units ON organizations.scheduled_ends IS
    'cascade: only an organisation''s dissolution dissolves a subtree (cascade=true)';

GRANT SELECT, INSERT, UPDATE, DELETE ON organizations.scheduled_ends TO dangjian_runtime;

-- What ends with its owner (结束随主体). A dissolved organisation's open double reports (made
-- to it as a community, or by it as a resident unit), the part-time seats on its committee or
-- held for it, and its co-building pairs on either side end on its dissolution day (or on
-- their own first day, for one that began later); a member who leaves ends the member's own
-- double report the same way. So no hours can be logged against them afterwards and the
-- figures (organizations.unit_counts, org stats) stop counting them with their owner. An end
-- recorded ahead for something that has ended meanwhile is dropped; applied ones stay.
CREATE FUNCTION organizations.end_with_units() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    WITH dissolved AS (
        SELECT n.id, n.dissolved_on FROM new_units n JOIN old_units o ON o.id = n.id
        WHERE o.dissolved_on IS NULL AND n.dissolved_on IS NOT NULL
    ), reports AS (
        UPDATE organizations.reports r SET ended_on = GREATEST(d.dissolved_on, r.reported_on)
        FROM dissolved d WHERE r.ended_on IS NULL AND (r.community_id = d.id OR r.unit_id = d.id)
    ), seats AS (
        UPDATE organizations.seats s SET ended_on = GREATEST(d.dissolved_on, s.term_start)
        FROM dissolved d WHERE s.ended_on IS NULL AND s.term_end >= d.dissolved_on AND (s.committee_id = d.id OR s.from_unit_id = d.id)
    ), pairs AS (
        UPDATE organizations.pairs p SET ended_on = GREATEST(d.dissolved_on, p.since)
        FROM dissolved d WHERE p.ended_on IS NULL AND (p.community_id = d.id OR p.unit_id = d.id)
    )
    DELETE FROM organizations.scheduled_ends e USING dissolved d WHERE e.applied_at IS NULL AND e.unit_id = d.id;
    RETURN NULL;
END
$$;

CREATE FUNCTION organizations.end_with_members() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    WITH departed AS (
        SELECT n.id, n.left_on FROM new_members n JOIN old_members o ON o.id = n.id
        WHERE o.left_on IS NULL AND n.left_on IS NOT NULL
    ), reports AS (
        UPDATE organizations.reports r SET ended_on = GREATEST(d.left_on, r.reported_on)
        FROM departed d WHERE r.ended_on IS NULL AND r.member_id = d.id
    )
    DELETE FROM organizations.scheduled_ends e USING departed d WHERE e.applied_at IS NULL AND e.member_id = d.id;
    RETURN NULL;
END
$$;

-- A report or seat ended by a command (or by its owner's end) drops its pending end.
CREATE FUNCTION organizations.drop_ends_of_ended_reports() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organizations.scheduled_ends e USING new_reports n
    WHERE e.applied_at IS NULL AND e.report_id = n.id AND n.ended_on IS NOT NULL;
    RETURN NULL;
END
$$;

CREATE FUNCTION organizations.drop_ends_of_ended_seats() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM organizations.scheduled_ends e USING new_seats n
    WHERE e.applied_at IS NULL AND e.seat_id = n.id AND n.ended_on IS NOT NULL;
    RETURN NULL;
END
$$;

CREATE TRIGGER units_end_what_hangs_on_them AFTER UPDATE ON organizations.units
    REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.end_with_units();
CREATE TRIGGER members_end_their_reports AFTER UPDATE ON organizations.members
    REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.end_with_members();
CREATE TRIGGER reports_drop_pending_ends AFTER UPDATE ON organizations.reports
    REFERENCING NEW TABLE AS new_reports
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.drop_ends_of_ended_reports();
CREATE TRIGGER seats_drop_pending_ends AFTER UPDATE ON organizations.seats
    REFERENCING NEW TABLE AS new_seats
    FOR EACH STATEMENT EXECUTE FUNCTION organizations.drop_ends_of_ended_seats();

-- Bring existing data in line: what hangs on an organisation dissolved or a member who left
-- before this rule ends with them now.
UPDATE organizations.reports r SET ended_on = GREATEST(u.dissolved_on, r.reported_on)
FROM organizations.units u
WHERE r.ended_on IS NULL AND u.dissolved_on IS NOT NULL AND (r.community_id = u.id OR r.unit_id = u.id);
UPDATE organizations.reports r SET ended_on = GREATEST(m.left_on, r.reported_on)
FROM organizations.members m
WHERE r.ended_on IS NULL AND m.left_on IS NOT NULL AND r.member_id = m.id;
UPDATE organizations.seats s SET ended_on = GREATEST(u.dissolved_on, s.term_start)
FROM organizations.units u
WHERE s.ended_on IS NULL AND u.dissolved_on IS NOT NULL AND s.term_end >= u.dissolved_on
  AND (s.committee_id = u.id OR s.from_unit_id = u.id);
UPDATE organizations.pairs p SET ended_on = GREATEST(u.dissolved_on, p.since)
FROM organizations.units u
WHERE p.ended_on IS NULL AND u.dissolved_on IS NOT NULL AND (p.community_id = u.id OR p.unit_id = u.id);
