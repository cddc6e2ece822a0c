-- Implementation 有落实: the action items 落实事项 that follow an adopted resolution, each owned
-- by an organisation or a named party, with a due date and progress notes. A topic is
-- settled only when it has actions and every one is done or dropped with a reason; the
-- trigger on topics holds that whoever writes the status.
CREATE TABLE consultations.actions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id      bigint NOT NULL CONSTRAINT actions_topic_fkey REFERENCES consultations.topics (id),
    title         text   NOT NULL CONSTRAINT actions_title_length CHECK (length(title) BETWEEN 1 AND 200),
    owner_unit_id bigint CONSTRAINT actions_owner_unit_fkey REFERENCES organizations.units (id),
    owner_party   text   CONSTRAINT actions_owner_party_length CHECK (length(owner_party) BETWEEN 1 AND 100),
    due_on        date   NOT NULL,
    status        text   NOT NULL DEFAULT 'open' CONSTRAINT actions_status_known CHECK (status IN ('open', 'done', 'dropped')),
    progress      integer NOT NULL DEFAULT 0 CONSTRAINT actions_progress_range CHECK (progress BETWEEN 0 AND 100),
    done_at       timestamptz,
    drop_reason   text   CONSTRAINT actions_drop_reason_length CHECK (length(drop_reason) BETWEEN 1 AND 500),
    finished_at   timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT actions_one_owner CHECK ((owner_unit_id IS NULL) <> (owner_party IS NULL)),
    CONSTRAINT actions_done_when CHECK ((status = 'done') = (done_at IS NOT NULL)),
    CONSTRAINT actions_dropped_with_reason CHECK ((status = 'dropped') = (drop_reason IS NOT NULL)),
    CONSTRAINT actions_finished_when CHECK ((status = 'open') = (finished_at IS NULL)),
    CONSTRAINT actions_done_complete CHECK (status <> 'done' OR progress = 100)
);

CREATE INDEX actions_topic_idx ON consultations.actions (topic_id, id);
-- The overdue list: open actions by due date.
CREATE INDEX actions_open_due_idx ON consultations.actions (due_on, id) WHERE status = 'open';

CREATE TABLE consultations.action_notes (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id bigint NOT NULL CONSTRAINT action_notes_action_fkey REFERENCES consultations.actions (id),
    at        timestamptz NOT NULL,
    progress  integer NOT NULL CONSTRAINT action_notes_progress_range CHECK (progress BETWEEN 0 AND 100),
    note      text   NOT NULL CONSTRAINT action_notes_note_length CHECK (length(note) BETWEEN 1 AND 2000),
    actor     text   NOT NULL
);

CREATE INDEX action_notes_action_idx ON consultations.action_notes (action_id, id);

CREATE TRIGGER action_notes_append_only BEFORE UPDATE OR DELETE ON consultations.action_notes
    FOR EACH ROW EXECUTE FUNCTION consultations.append_only();

-- Actions are added to a topic being implemented and change only while open; the topic
-- row is read FOR SHARE so that settling and adding cannot cross.
CREATE FUNCTION consultations.actions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    state text;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status <> 'open' THEN
        RAISE EXCEPTION 'action % is %; it no longer changes', OLD.id, OLD.status
            USING ERRCODE = 'P0001', HINT = 'consultations.action.final';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.topic_id <> OLD.topic_id OR NEW.created_at <> OLD.created_at) THEN
        RAISE EXCEPTION 'action % keeps its topic', OLD.id USING ERRCODE = 'P0001', HINT = 'consultations.action.immutable';
    END IF;
    SELECT status INTO state FROM consultations.topics WHERE id = NEW.topic_id FOR SHARE;
    IF state IS DISTINCT FROM 'implementing' THEN
        RAISE EXCEPTION 'topic % is %; actions follow a closed session''s adopted resolution while the topic is implementing', NEW.topic_id, state
            USING ERRCODE = 'P0001', HINT = 'consultations.action.topic_not_implementing';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER actions_guard BEFORE INSERT OR UPDATE ON consultations.actions
    FOR EACH ROW EXECUTE FUNCTION consultations.actions_guard();

-- Settled means implemented: at least one action, and none still open.
CREATE FUNCTION consultations.topics_settle_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'settled' AND OLD.status <> 'settled' THEN
        IF NOT EXISTS (SELECT 1 FROM consultations.actions WHERE topic_id = NEW.id) THEN
            RAISE EXCEPTION 'topic % has no action items; it is settled once its actions are done or dropped', NEW.id
                USING ERRCODE = 'P0001', HINT = 'consultations.topic.not_implemented';
        END IF;
        IF EXISTS (SELECT 1 FROM consultations.actions WHERE topic_id = NEW.id AND status = 'open') THEN
            RAISE EXCEPTION 'topic % still has open actions', NEW.id
                USING ERRCODE = 'P0001', HINT = 'consultations.topic.not_implemented';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER topics_settle_guard BEFORE UPDATE OF status ON consultations.topics
    FOR EACH ROW EXECUTE FUNCTION consultations.topics_settle_guard();
