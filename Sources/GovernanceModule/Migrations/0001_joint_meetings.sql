-- Joint meetings 联席会议: the street's 大工委 and the community's 大党委 meet with their
-- part-time committee members 兼职委员 from resident units, every quarter by default (some
-- streets every month); each meeting has its agenda, the member units present, the problems
-- raised, its decisions and the tasks it assigns to member units or departments.
--
-- A body's members are not stored here: they are the organisations that hold a part-time seat
-- on its committee, report to it (双报到) or are paired with it (结对共建) in the
-- organizations module, as they stand (governance.body_members).

-- A meeting body per organisation: its cadence decides the periods the compliance view counts.
CREATE TABLE governance.bodies (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id    bigint NOT NULL CONSTRAINT bodies_unit_fkey REFERENCES organizations.units (id)
                      CONSTRAINT bodies_unit_key UNIQUE,
    name       text   NOT NULL CONSTRAINT bodies_name_length CHECK (length(name) BETWEEN 1 AND 100),
    cadence    text   NOT NULL DEFAULT 'quarterly' CONSTRAINT bodies_cadence_known CHECK (cadence IN ('quarterly', 'monthly')),
    since      date   NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON CONSTRAINT bodies_name_length ON governance.bodies IS 'name: a body''s name has 1 to 100 characters';
COMMENT ON CONSTRAINT bodies_cadence_known ON governance.bodies IS 'cadence: the cadence is quarterly or monthly';

-- Who sits in a body: the organisations with an open part-time seat on the committee, an open
-- report (双报到) to it or an open pairing (结对共建) with it, each once, with how.
CREATE VIEW governance.body_members (body_id, unit_id, via) AS
    SELECT b.id, m.unit_id, string_agg(DISTINCT m.via, ',' ORDER BY m.via)
    FROM governance.bodies b
    JOIN (
        SELECT s.committee_id AS organisation_id, s.from_unit_id AS unit_id, 'seat' AS via
        FROM organizations.seats s WHERE s.ended_on IS NULL AND s.from_unit_id IS NOT NULL
        UNION ALL
        SELECT r.community_id, r.unit_id, 'report' FROM organizations.reports r WHERE r.ended_on IS NULL AND r.unit_id IS NOT NULL
        UNION ALL
        SELECT p.community_id, p.unit_id, 'pair' FROM organizations.pairs p WHERE p.ended_on IS NULL
    ) m ON m.organisation_id = b.unit_id
    GROUP BY b.id, m.unit_id;

CREATE TABLE governance.meetings (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id    bigint NOT NULL CONSTRAINT meetings_body_fkey REFERENCES governance.bodies (id),
    held_on    date   NOT NULL,
    title      text   NOT NULL CONSTRAINT meetings_title_length CHECK (length(title) BETWEEN 1 AND 200),
    agenda     text   NOT NULL CONSTRAINT meetings_agenda_length CHECK (length(agenda) BETWEEN 1 AND 2000),
    decisions  text   CONSTRAINT meetings_decisions_length CHECK (length(decisions) BETWEEN 1 AND 4000),
    created_at timestamptz NOT NULL,
    created_by text   NOT NULL
);
COMMENT ON CONSTRAINT meetings_title_length ON governance.meetings IS 'title: a meeting''s title has 1 to 200 characters';
COMMENT ON CONSTRAINT meetings_agenda_length ON governance.meetings IS 'agenda: the agenda has 1 to 2000 characters';
COMMENT ON CONSTRAINT meetings_decisions_length ON governance.meetings IS 'decisions: the decisions have 1 to 4000 characters';
CREATE INDEX meetings_body_idx ON governance.meetings (body_id, held_on);

-- The periods of a body's cadence (quarters, or months) from the one holding `from_day`, but
-- not before the one holding the body's since day, to the one holding `to_day`: each with its
-- label (2026Q3, 2026-07), its days and the meetings held in it. The compliance view, the
-- statistics and the assessment's evidence all count periods through it.
CREATE FUNCTION governance.body_periods(body bigint, from_day date, to_day date)
RETURNS TABLE (period text, first_day date, last_day date, meetings bigint)
LANGUAGE sql STABLE AS $$
    SELECT to_char(p, CASE b.cadence WHEN 'monthly' THEN 'YYYY-MM' ELSE 'YYYY"Q"Q' END), p::date, (p + c.step)::date - 1,
           (SELECT count(*) FROM governance.meetings m WHERE m.body_id = b.id AND m.held_on >= p::date AND m.held_on < (p + c.step)::date)
    FROM governance.bodies b
    CROSS JOIN LATERAL (
        SELECT CASE b.cadence WHEN 'monthly' THEN interval '1 month' ELSE interval '3 months' END AS step,
               CASE b.cadence WHEN 'monthly' THEN 'month' ELSE 'quarter' END AS unit
    ) c
    CROSS JOIN LATERAL generate_series(date_trunc(c.unit, greatest(b.since, from_day)::timestamp), to_day::timestamp, c.step) p
    WHERE b.id = body
$$;

-- Attendance 出席 by member unit: who came for it.
CREATE TABLE governance.attendance (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id bigint NOT NULL CONSTRAINT attendance_meeting_fkey REFERENCES governance.meetings (id),
    unit_id    bigint NOT NULL CONSTRAINT attendance_unit_fkey REFERENCES organizations.units (id),
    person     text   NOT NULL CONSTRAINT attendance_person_length CHECK (length(person) BETWEEN 1 AND 50),
    CONSTRAINT attendance_unit_key UNIQUE (meeting_id, unit_id)
);
COMMENT ON CONSTRAINT attendance_person_length ON governance.attendance IS 'person: a name has 1 to 50 characters';
COMMENT ON CONSTRAINT attendance_unit_key ON governance.attendance IS 'unit: this unit''s attendance is recorded already';
CREATE INDEX attendance_unit_idx ON governance.attendance (unit_id);

-- Problems raised 问题 at a meeting, by a member unit or by the body itself.
CREATE TABLE governance.problems (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id        bigint NOT NULL CONSTRAINT problems_meeting_fkey REFERENCES governance.meetings (id),
    raised_by_unit_id bigint CONSTRAINT problems_raised_by_fkey REFERENCES organizations.units (id),
    summary           text   NOT NULL CONSTRAINT problems_summary_length CHECK (length(summary) BETWEEN 1 AND 500),
    created_at        timestamptz NOT NULL
);
COMMENT ON CONSTRAINT problems_summary_length ON governance.problems IS 'summary: a problem has 1 to 500 characters';
CREATE INDEX problems_meeting_idx ON governance.problems (meeting_id, id);

-- Tasks 任务 a meeting assigns to a member unit or a department, with a due day, progress
-- notes and a closing 办结 that says what came of it.
CREATE TABLE governance.tasks (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id       bigint NOT NULL CONSTRAINT tasks_meeting_fkey REFERENCES governance.meetings (id),
    problem_id       bigint CONSTRAINT tasks_problem_fkey REFERENCES governance.problems (id),
    title            text   NOT NULL CONSTRAINT tasks_title_length CHECK (length(title) BETWEEN 1 AND 200),
    assignee_unit_id bigint CONSTRAINT tasks_assignee_fkey REFERENCES organizations.units (id),
    department       text   CONSTRAINT tasks_department_length CHECK (length(department) BETWEEN 1 AND 100),
    due_on           date   NOT NULL,
    status           text   NOT NULL DEFAULT 'open'
                            CONSTRAINT tasks_status_known CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    progress         integer NOT NULL DEFAULT 0 CONSTRAINT tasks_progress_range CHECK (progress BETWEEN 0 AND 100),
    closed_on        date,
    outcome          text   CONSTRAINT tasks_outcome_length CHECK (length(outcome) BETWEEN 1 AND 2000),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT tasks_one_assignee CHECK ((assignee_unit_id IS NULL) <> (department IS NULL)),
    CONSTRAINT tasks_closed_when CHECK ((status IN ('done', 'cancelled')) = (closed_on IS NOT NULL)),
    CONSTRAINT tasks_done_with_outcome CHECK (status NOT IN ('done', 'cancelled') OR outcome IS NOT NULL),
    CONSTRAINT tasks_done_complete CHECK (status <> 'done' OR progress = 100)
);
COMMENT ON CONSTRAINT tasks_title_length ON governance.tasks IS 'title: a task''s title has 1 to 200 characters';
COMMENT ON CONSTRAINT tasks_department_length ON governance.tasks IS 'department: a department''s name has 1 to 100 characters';
COMMENT ON CONSTRAINT tasks_status_known ON governance.tasks IS 'status: open, in_progress, done or cancelled';
COMMENT ON CONSTRAINT tasks_progress_range ON governance.tasks IS 'progress: progress is 0 to 100 per cent';
COMMENT ON CONSTRAINT tasks_outcome_length ON governance.tasks IS 'outcome: the outcome has 1 to 2000 characters';
COMMENT ON CONSTRAINT tasks_one_assignee ON governance.tasks IS
    'unit: a task goes to a member unit (unit=) or a department (department=), exactly one';
COMMENT ON CONSTRAINT tasks_closed_when ON governance.tasks IS '-: a task is closed exactly when it is done or cancelled';
COMMENT ON CONSTRAINT tasks_done_with_outcome ON governance.tasks IS 'outcome: a closed task says what came of it';
COMMENT ON CONSTRAINT tasks_done_complete ON governance.tasks IS '-: a done task is 100 per cent done';
CREATE INDEX tasks_meeting_idx ON governance.tasks (meeting_id, id);
CREATE INDEX tasks_assignee_idx ON governance.tasks (assignee_unit_id, id) WHERE assignee_unit_id IS NOT NULL;
-- The overdue list: open tasks by due day.
CREATE INDEX tasks_open_due_idx ON governance.tasks (due_on, id) WHERE status IN ('open', 'in_progress');

-- A task moves only along governance.task_transitions: open → in_progress → done, and a task
-- not yet closed may be cancelled with a reason.
CREATE TABLE governance.task_transitions (
    from_status text NOT NULL,
    action      text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, action)
);
INSERT INTO governance.task_transitions (from_status, action, to_status) VALUES
    ('open',        'progress', 'in_progress'),
    ('open',        'close',    'done'),
    ('open',        'cancel',   'cancelled'),
    ('in_progress', 'close',    'done'),
    ('in_progress', 'cancel',   'cancelled');

CREATE TRIGGER tasks_check_transition
    BEFORE UPDATE OF status ON governance.tasks
    FOR EACH ROW EXECUTE FUNCTION workbench.refuse_unlisted_transition(
        'governance.task_transitions', 'governance.task.transition_not_allowed', 'task');

-- A closed task no longer changes; a task keeps its meeting.
CREATE FUNCTION governance.tasks_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('done', 'cancelled') THEN
        RAISE EXCEPTION 'task % is %; it no longer changes', OLD.id, OLD.status
            USING ERRCODE = 'P0001', HINT = 'governance.task.closed';
    END IF;
    IF NEW.meeting_id <> OLD.meeting_id OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'task % keeps its meeting', OLD.id USING ERRCODE = 'P0001', HINT = 'governance.task.immutable';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER tasks_guard BEFORE UPDATE ON governance.tasks
    FOR EACH ROW EXECUTE FUNCTION governance.tasks_guard();

CREATE TABLE governance.task_notes (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id  bigint NOT NULL CONSTRAINT task_notes_task_fkey REFERENCES governance.tasks (id),
    at       timestamptz NOT NULL,
    progress integer NOT NULL CONSTRAINT task_notes_progress_range CHECK (progress BETWEEN 0 AND 100),
    note     text   NOT NULL CONSTRAINT task_notes_note_length CHECK (length(note) BETWEEN 1 AND 2000),
    actor    text   NOT NULL
);
COMMENT ON CONSTRAINT task_notes_progress_range ON governance.task_notes IS 'progress: progress is 0 to 100 per cent';
COMMENT ON CONSTRAINT task_notes_note_length ON governance.task_notes IS 'note: a note has 1 to 2000 characters';
CREATE INDEX task_notes_task_idx ON governance.task_notes (task_id, id);

CREATE FUNCTION governance.append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001', HINT = 'governance.append_only';
END;
$$;
CREATE TRIGGER task_notes_append_only BEFORE UPDATE OR DELETE ON governance.task_notes
    FOR EACH ROW EXECUTE FUNCTION governance.append_only();

-- Commands run as the runtime role.
GRANT USAGE ON SCHEMA governance TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE ON governance.bodies, governance.meetings, governance.tasks TO dangjian_runtime;
GRANT SELECT, INSERT ON governance.attendance, governance.problems, governance.task_notes TO dangjian_runtime;
GRANT SELECT ON governance.task_transitions, governance.body_members TO dangjian_runtime;
GRANT EXECUTE ON FUNCTION governance.body_periods(bigint, date, date) TO dangjian_runtime;

-- Held to scoped callers' subtrees: a body by its organisation, the rest through it.
SELECT organizations.scope_by_path('governance.bodies', 'unit_id');
SELECT organizations.scope_by_path_through('governance.meetings', 'body_id', 'governance.bodies');
SELECT organizations.scope_by_path_through('governance.attendance', 'meeting_id', 'governance.meetings');
SELECT organizations.scope_by_path_through('governance.problems', 'meeting_id', 'governance.meetings');
SELECT organizations.scope_by_path_through('governance.tasks', 'meeting_id', 'governance.meetings');
SELECT organizations.scope_by_path_through('governance.task_notes', 'task_id', 'governance.tasks');
