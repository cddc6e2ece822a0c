-- Cases 事件: the incident workflow "网格发现、社区呼叫、分级响应、协同处置" with the four-level
-- escalation "吹哨报到" (complex → community → street → department) and its deadline clocks.
--
-- The state machine is the table grids.case_transitions: a trigger refuses any change of
-- status it does not list, whoever writes it. Every step is an append-only row of
-- grids.case_events. due_at is the deadline at the current level, stored (and indexed) when
-- the clock starts, so the overdue list and the escalation service never compute calendars.
CREATE TABLE grids.case_transitions (
    from_status text NOT NULL,
    action      text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, action)
);

INSERT INTO grids.case_transitions (from_status, action, to_status) VALUES
    ('reported',    'accept',   'accepted'),
    ('reported',    'escalate', 'reported'),
    ('reported',    'cancel',   'cancelled'),
    ('accepted',    'start',    'in_progress'),
    ('accepted',    'assign',   'accepted'),
    ('accepted',    'escalate', 'accepted'),
    ('accepted',    'resolve',  'resolved'),
    ('accepted',    'cancel',   'cancelled'),
    ('in_progress', 'assign',   'in_progress'),
    ('in_progress', 'escalate', 'in_progress'),
    ('in_progress', 'resolve',  'resolved'),
    ('in_progress', 'cancel',   'cancelled'),
    ('resolved',    'confirm',  'closed'),
    ('resolved',    'reopen',   'in_progress');

CREATE SEQUENCE grids.case_number AS bigint;

CREATE TABLE grids.cases (
    id            bigint NOT NULL PRIMARY KEY,
    -- GC-<year reported>-<number>, the number unique across years.
    code          text   NOT NULL CONSTRAINT cases_code_key UNIQUE,
    grid_id       bigint NOT NULL CONSTRAINT cases_grid_fkey REFERENCES grids.grids (id),
    -- The grid's community, copied so scope queries need not join grids.
    community_id  bigint NOT NULL CONSTRAINT cases_community_fkey REFERENCES organizations.units (id),
    category      text   NOT NULL CONSTRAINT cases_category_length CHECK (length(category) BETWEEN 1 AND 20),
    source        text   NOT NULL CONSTRAINT cases_source_known CHECK (source IN ('patrol', 'resident', 'hotline', 'other')),
    reporter      text   NOT NULL CONSTRAINT cases_reporter_length CHECK (length(reporter) BETWEEN 1 AND 50),
    description   text   NOT NULL CONSTRAINT cases_description_length CHECK (length(description) BETWEEN 1 AND 2000),
    latitude      double precision CONSTRAINT cases_latitude_range CHECK (latitude BETWEEN -90 AND 90),
    longitude     double precision CONSTRAINT cases_longitude_range CHECK (longitude BETWEEN -180 AND 180),
    urgency       text   NOT NULL CONSTRAINT cases_urgency_known CHECK (urgency IN ('normal', 'urgent')),
    start_level   text   NOT NULL CONSTRAINT cases_start_level_known CHECK (start_level IN ('complex', 'community', 'street', 'department')),
    level         text   NOT NULL CONSTRAINT cases_level_known CHECK (level IN ('complex', 'community', 'street', 'department')),
    department    text   CONSTRAINT cases_department_length CHECK (length(department) BETWEEN 1 AND 50),
    status        text   NOT NULL CONSTRAINT cases_status_known CHECK (status IN ('reported', 'accepted', 'in_progress', 'resolved', 'closed', 'cancelled')),
    assignee      text   CONSTRAINT cases_assignee_length CHECK (length(assignee) BETWEEN 1 AND 50),
    reported_at   timestamptz NOT NULL,
    -- The clock at the current level: when it started, when the warning is due, the deadline.
    -- All three are null while the case is resolved, closed or cancelled.
    clock_started_at timestamptz,
    warn_at       timestamptz,
    due_at        timestamptz,
    warned        boolean NOT NULL DEFAULT false,
    -- Set once the daemon has recorded that the case is overdue at a level it does not escalate from.
    overdue_noted boolean NOT NULL DEFAULT false,
    -- Levels the case was escalated into, in order, and deadlines it missed.
    escalated_to  text[] NOT NULL DEFAULT '{}',
    missed_deadlines integer NOT NULL DEFAULT 0,
    reopens       integer NOT NULL DEFAULT 0,
    resolved_at   timestamptz,
    -- Whether the last resolution came before its deadline with no deadline missed earlier.
    resolved_on_time boolean,
    closed_at     timestamptz,
    cancel_reason text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cases_department_named CHECK ((level = 'department') = (department IS NOT NULL)),
    CONSTRAINT cases_location_whole CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT cases_clock_while_open CHECK (
        (status IN ('reported', 'accepted', 'in_progress')) = (due_at IS NOT NULL AND clock_started_at IS NOT NULL AND warn_at IS NOT NULL)),
    CONSTRAINT cases_clock_order CHECK (clock_started_at <= warn_at AND warn_at <= due_at),
    CONSTRAINT cases_cancel_reason CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);

CREATE FUNCTION grids.cases_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT EXISTS (SELECT 1 FROM grids.case_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        SELECT string_agg(DISTINCT to_status, ', ') INTO allowed FROM grids.case_transitions WHERE from_status = OLD.status;
        RAISE EXCEPTION 'case % cannot go from % to %; from % it can go to: %', OLD.code, OLD.status, NEW.status, OLD.status, coalesce(allowed, 'nothing')
            USING ERRCODE = 'P0001', HINT = 'grids.case.transition_not_allowed';
    END IF;
    IF NEW.level <> OLD.level AND (CASE NEW.level WHEN 'complex' THEN 0 WHEN 'community' THEN 1 WHEN 'street' THEN 2 ELSE 3 END)
                                 < (CASE OLD.level WHEN 'complex' THEN 0 WHEN 'community' THEN 1 WHEN 'street' THEN 2 ELSE 3 END) THEN
        RAISE EXCEPTION 'case % cannot move down from % to %', OLD.code, OLD.level, NEW.level
            USING ERRCODE = 'P0001', HINT = 'grids.case.level_down';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER cases_check_transition
    BEFORE UPDATE ON grids.cases
    FOR EACH ROW EXECUTE FUNCTION grids.cases_check_transition();

CREATE INDEX cases_grid_idx ON grids.cases (grid_id, id);
CREATE INDEX cases_community_reported_idx ON grids.cases (community_id, reported_at);
-- The escalation service's and the overdue list's work: open cases by deadline and warning.
CREATE INDEX cases_open_due_idx ON grids.cases (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX cases_open_warn_idx ON grids.cases (warn_at) WHERE warn_at IS NOT NULL AND NOT warned;
CREATE INDEX cases_status_idx ON grids.cases (status, id);

-- The case history: every report, transition, escalation, warning, assignment and note.
CREATE TABLE grids.case_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint NOT NULL CONSTRAINT case_events_case_fkey REFERENCES grids.cases (id),
    -- When it happened; for the daemon's catch-up after downtime, when it should have.
    at          timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    kind        text   NOT NULL CONSTRAINT case_events_kind_known CHECK (kind IN (
                    'reported', 'accepted', 'started', 'escalated', 'assigned', 'resolved', 'confirmed', 'reopened',
                    'cancelled', 'warning', 'overdue', 'note')),
    actor       text   NOT NULL,
    from_status text,
    to_status   text,
    from_level  text,
    to_level    text,
    note        text   CONSTRAINT case_events_note_length CHECK (length(note) <= 2000)
);

CREATE INDEX case_events_case_idx ON grids.case_events (case_id, id);

CREATE FUNCTION grids.case_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the case history is append-only; record a note instead'
        USING ERRCODE = 'P0001', HINT = 'grids.case.history_append_only';
END;
$$;

CREATE TRIGGER case_events_append_only
    BEFORE UPDATE OR DELETE ON grids.case_events
    FOR EACH ROW EXECUTE FUNCTION grids.case_events_append_only();
