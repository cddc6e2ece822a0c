-- Complaints 投诉 under the "2310" rule 诉求快速反应机制: an ordinary complaint is
-- closed within 2 days, an important one within 3, a major one within 10, counted from
-- filing on the working calendar (calendar or working days is configuration).
--
-- filed → acknowledged → resolved → closed (the resident's verdict); an unsatisfied verdict
-- reopens a resolved complaint back to acknowledged. The allowed steps are the table
-- complaint_transitions, and a trigger refuses any other change of status, whoever writes
-- it. The deadline is stored when the complaint is filed, with the rule that produced it,
-- and a partial index over open complaints by deadline makes the overdue list instant.
-- Every step is an append-only row of complaint_events.
--
-- This text corrects the comments of the one first applied:
-- amends 7b4aae676de8250f5b0ea00c25fa79c0a029fbfbf89296bc390343918e153e6b
CREATE TABLE property.complaint_transitions (
    from_status text NOT NULL,
    action      text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, action)
);

INSERT INTO property.complaint_transitions (from_status, action, to_status) VALUES
    ('filed',        'ack',     'acknowledged'),
    ('acknowledged', 'resolve', 'resolved'),
    ('resolved',     'close',   'closed'),
    ('resolved',     'reopen',  'acknowledged');

CREATE SEQUENCE property.complaint_number AS bigint;

CREATE TABLE property.complaints (
    id               bigint NOT NULL PRIMARY KEY,
    -- PC-<year filed>-<number>, the number unique across years.
    code             text   NOT NULL CONSTRAINT complaints_code_key UNIQUE,
    complex_id       bigint NOT NULL CONSTRAINT complaints_complex_fkey REFERENCES property.complexes (id),
    -- The company serving the complex on the day it was filed.
    company_id       bigint NOT NULL CONSTRAINT complaints_company_fkey REFERENCES property.companies (id),
    -- The complex's community, copied so scope queries need not join complexes.
    community_id     bigint NOT NULL CONSTRAINT complaints_community_fkey REFERENCES organizations.units (id),
    severity         text   NOT NULL CONSTRAINT complaints_severity_known CHECK (severity IN ('ordinary', 'important', 'major')),
    subject          text   NOT NULL CONSTRAINT complaints_subject_length CHECK (length(subject) BETWEEN 1 AND 20),
    description      text   NOT NULL CONSTRAINT complaints_description_length CHECK (length(description) BETWEEN 1 AND 2000),
    complainant      text   CONSTRAINT complaints_complainant_length CHECK (length(complainant) BETWEEN 1 AND 50),
    complainant_phone text  CONSTRAINT complaints_complainant_phone_form CHECK (complainant_phone ~ '^[0-9+][0-9-]{4,19}$'),
    status           text   NOT NULL CONSTRAINT complaints_status_known CHECK (status IN ('filed', 'acknowledged', 'resolved', 'closed')),
    filed_at         timestamptz NOT NULL,
    -- The rule that set the deadline (`2 days`, `3 working_days`), kept for tracing.
    deadline_amount  integer NOT NULL CONSTRAINT complaints_deadline_amount_positive CHECK (deadline_amount > 0),
    deadline_unit    text   NOT NULL CONSTRAINT complaints_deadline_unit_known CHECK (deadline_unit IN ('hours', 'days', 'working_days')),
    warn_at          timestamptz NOT NULL,
    due_at           timestamptz NOT NULL,
    warned           boolean NOT NULL DEFAULT false,
    -- Set once the daemon has recorded that the open complaint passed its deadline.
    overdue_noted    boolean NOT NULL DEFAULT false,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    -- Whether the last resolution came by the deadline; null while not resolved.
    resolved_on_time boolean,
    closed_at        timestamptz,
    verdict          text   CONSTRAINT complaints_verdict_known CHECK (verdict IN ('satisfied', 'basically_satisfied')),
    reopens          integer NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT complaints_clock_order CHECK (filed_at <= warn_at AND warn_at <= due_at),
    CONSTRAINT complaints_resolution_known CHECK ((status IN ('resolved', 'closed')) = (resolved_on_time IS NOT NULL AND resolved_at IS NOT NULL)),
    CONSTRAINT complaints_closed_with_verdict CHECK ((status = 'closed') = (verdict IS NOT NULL AND closed_at IS NOT NULL))
);

CREATE FUNCTION property.complaints_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT EXISTS (SELECT 1 FROM property.complaint_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        SELECT string_agg(DISTINCT to_status, ', ') INTO allowed FROM property.complaint_transitions WHERE from_status = OLD.status;
        RAISE EXCEPTION 'complaint % cannot go from % to %; from % it can go to: %', OLD.code, OLD.status, NEW.status, OLD.status, coalesce(allowed, 'nothing')
            USING ERRCODE = 'P0001', HINT = 'property.complaint.transition_not_allowed';
    END IF;
    IF NEW.filed_at IS DISTINCT FROM OLD.filed_at OR NEW.due_at IS DISTINCT FROM OLD.due_at THEN
        RAISE EXCEPTION 'complaint % keeps the filing time and deadline it was filed with', OLD.code
            USING ERRCODE = 'P0001', HINT = 'property.complaint.deadline_fixed';
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER complaints_check_transition
    BEFORE UPDATE ON property.complaints
    FOR EACH ROW EXECUTE FUNCTION property.complaints_check_transition();

-- The overdue list pages open complaints by id: this index holds only open ones (a few
-- thousand among millions), with what the list filters on, so the list never walks closed
-- complaints. The clock service reads open complaints not yet noted overdue by deadline, and
-- those not yet warned by warning time.
CREATE INDEX complaints_open_idx ON property.complaints (id) INCLUDE (due_at, community_id, company_id, severity)
    WHERE status IN ('filed', 'acknowledged');
CREATE INDEX complaints_open_due_idx ON property.complaints (due_at) WHERE status IN ('filed', 'acknowledged') AND NOT overdue_noted;
CREATE INDEX complaints_open_warn_idx ON property.complaints (warn_at) WHERE status IN ('filed', 'acknowledged') AND NOT warned;
CREATE INDEX complaints_community_filed_idx ON property.complaints (community_id, filed_at);
CREATE INDEX complaints_company_filed_idx ON property.complaints (company_id, filed_at);
CREATE INDEX complaints_complex_idx ON property.complaints (complex_id, id);
CREATE INDEX complaints_status_idx ON property.complaints (status, id);

CREATE TABLE property.complaint_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id bigint NOT NULL CONSTRAINT complaint_events_complaint_fkey REFERENCES property.complaints (id),
    at           timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    kind         text   NOT NULL CONSTRAINT complaint_events_kind_known CHECK (kind IN (
                     'filed', 'acknowledged', 'resolved', 'closed', 'reopened', 'warning', 'overdue', 'note')),
    actor        text   NOT NULL,
    from_status  text,
    to_status    text,
    note         text   CONSTRAINT complaint_events_note_length CHECK (length(note) <= 2000)
);

CREATE INDEX complaint_events_complaint_idx ON property.complaint_events (complaint_id, id);

CREATE FUNCTION property.append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only; record a new row instead', TG_TABLE_NAME
        USING ERRCODE = 'P0001', HINT = 'property.history_append_only';
END;
$$;

CREATE TRIGGER complaint_events_append_only
    BEFORE UPDATE OR DELETE ON property.complaint_events
    FOR EACH ROW EXECUTE FUNCTION property.append_only();

CREATE TRIGGER star_ratings_append_only
    BEFORE UPDATE OR DELETE ON property.star_ratings
    FOR EACH ROW EXECUTE FUNCTION property.append_only();
