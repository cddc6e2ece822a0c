-- Consultation 协商议事: residents' topics 议题 are reviewed, put to a
-- session of the "好商量" platform — convener 问题召集方, stakeholders 利益相关方 and the
-- coordinating and handling party 协调处置方, with the "六位一体" parties — and a session
-- closes only with the five haves 五有: a place 有场所, a sign 有标识 (the notice posted), minutes
-- 有记录 and a reply 有回声 to every topic's proposer. Implementation 有落实 follows in
-- 0002_actions.sql.
--
-- Topic statuses change only along consultations.topic_transitions; a trigger refuses any
-- other change, whoever writes it. Every step appends to consultations.topic_events, the
-- topic's timeline.
--
-- This text corrects the comments of the one first applied:
-- amends b7ab22a8c42363eed802185882fde5f08c81c0e4b7be2a001d2cc076d8e6efa8
CREATE TABLE consultations.topic_transitions (
    from_status text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, to_status)
);

INSERT INTO consultations.topic_transitions (from_status, to_status) VALUES
    ('proposed',     'accepted'),      -- review accepts it for deliberation
    ('proposed',     'declined'),      -- review declines it, with the reason the proposer is told
    ('proposed',     'withdrawn'),
    ('accepted',     'withdrawn'),
    ('accepted',     'scheduled'),     -- put on a session's agenda
    ('scheduled',    'accepted'),      -- the session was cancelled, or the vote did not adopt it
    ('scheduled',    'implementing'),  -- the session closed with an adopted resolution
    ('implementing', 'settled');       -- every action done or dropped with a reason

CREATE TABLE consultations.topics (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id   bigint NOT NULL CONSTRAINT topics_community_fkey REFERENCES organizations.units (id),
    title          text   NOT NULL CONSTRAINT topics_title_length CHECK (length(title) BETWEEN 1 AND 100),
    description    text   NOT NULL CONSTRAINT topics_description_length CHECK (length(description) BETWEEN 1 AND 2000),
    category       text   NOT NULL CONSTRAINT topics_category_length CHECK (length(category) BETWEEN 1 AND 20),
    source         text   NOT NULL CONSTRAINT topics_source_known CHECK (source IN ('resident', 'assigned', 'grid', 'suggestion')),
    -- The grid case the topic came from (网格发现), when the grids module is loaded. No foreign
    -- key: the grids module is optional; the code is copied for reading without it.
    grid_case_id   bigint,
    grid_case_code text,
    proposer       text   NOT NULL CONSTRAINT topics_proposer_length CHECK (length(proposer) BETWEEN 1 AND 50),
    proposer_phone text   CONSTRAINT topics_proposer_phone_form CHECK (proposer_phone ~ '^[0-9+][0-9-]{4,19}$'),
    status         text   NOT NULL DEFAULT 'proposed' CONSTRAINT topics_status_known
                          CHECK (status IN ('proposed', 'accepted', 'declined', 'withdrawn', 'scheduled', 'implementing', 'settled')),
    proposed_at    timestamptz NOT NULL,
    reviewed_at    timestamptz,
    decline_reason text   CONSTRAINT topics_decline_reason_length CHECK (length(decline_reason) BETWEEN 1 AND 500),
    withdraw_reason text  CONSTRAINT topics_withdraw_reason_length CHECK (length(withdraw_reason) BETWEEN 1 AND 500),
    settled_at     timestamptz,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT topics_case_only_from_grids CHECK (grid_case_id IS NULL OR source = 'grid'),
    CONSTRAINT topics_case_code_with_id CHECK ((grid_case_id IS NULL) = (grid_case_code IS NULL)),
    CONSTRAINT topics_declined_with_reason CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
    CONSTRAINT topics_withdrawn_with_reason CHECK ((status = 'withdrawn') = (withdraw_reason IS NOT NULL)),
    CONSTRAINT topics_settled_when CHECK ((status = 'settled') = (settled_at IS NOT NULL))
);

CREATE INDEX topics_community_idx ON consultations.topics (community_id, id);
CREATE INDEX topics_status_idx ON consultations.topics (status, id);
CREATE INDEX topics_proposed_idx ON consultations.topics (proposed_at);
CREATE INDEX topics_grid_case_idx ON consultations.topics (grid_case_id) WHERE grid_case_id IS NOT NULL;

CREATE FUNCTION consultations.topics_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT EXISTS (SELECT 1 FROM consultations.topic_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        SELECT string_agg(to_status, ', ' ORDER BY to_status) INTO allowed
        FROM consultations.topic_transitions WHERE from_status = OLD.status;
        RAISE EXCEPTION 'topic % is %; it cannot become % (from % it can become: %)', OLD.id, OLD.status, NEW.status, OLD.status, coalesce(allowed, 'nothing')
            USING ERRCODE = 'P0001', HINT = 'consultations.topic.transition_not_allowed';
    END IF;
    IF NEW.community_id <> OLD.community_id OR NEW.source <> OLD.source OR NEW.proposed_at <> OLD.proposed_at THEN
        RAISE EXCEPTION 'topic % keeps its community, source and proposal time', OLD.id
            USING ERRCODE = 'P0001', HINT = 'consultations.topic.immutable';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER topics_guard BEFORE UPDATE ON consultations.topics
    FOR EACH ROW EXECUTE FUNCTION consultations.topics_guard();

-- The timeline: one append-only row per step, from the proposal to the last action.
CREATE TABLE consultations.topic_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id   bigint NOT NULL CONSTRAINT topic_events_topic_fkey REFERENCES consultations.topics (id),
    at         timestamptz NOT NULL,
    kind       text   NOT NULL CONSTRAINT topic_events_kind_length CHECK (length(kind) BETWEEN 1 AND 30),
    actor      text   NOT NULL,
    detail     text   NOT NULL CONSTRAINT topic_events_detail_length CHECK (length(detail) BETWEEN 1 AND 2000)
);

CREATE INDEX topic_events_topic_idx ON consultations.topic_events (topic_id, id);

CREATE FUNCTION consultations.append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001', HINT = 'consultations.append_only';
END;
$$;

CREATE TRIGGER topic_events_append_only BEFORE UPDATE OR DELETE ON consultations.topic_events
    FOR EACH ROW EXECUTE FUNCTION consultations.append_only();

-- Sessions 议事会. The venue may be settled after scheduling; the notice 公示 is the sign.
CREATE TABLE consultations.sessions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The community (or street) holding the session; its topics come from this subtree.
    unit_id          bigint NOT NULL CONSTRAINT sessions_unit_fkey REFERENCES organizations.units (id),
    title            text   NOT NULL CONSTRAINT sessions_title_length CHECK (length(title) BETWEEN 1 AND 100),
    venue            text   CONSTRAINT sessions_venue_length CHECK (length(venue) BETWEEN 1 AND 100),
    starts_at        timestamptz NOT NULL,
    notice_posted_on date,
    notice_place     text   CONSTRAINT sessions_notice_place_length CHECK (length(notice_place) BETWEEN 1 AND 100),
    minutes          text   CONSTRAINT sessions_minutes_length CHECK (length(minutes) BETWEEN 1 AND 20000),
    minutes_by       text,
    status           text   NOT NULL DEFAULT 'scheduled' CONSTRAINT sessions_status_known CHECK (status IN ('scheduled', 'closed', 'cancelled')),
    closed_at        timestamptz,
    cancelled_at     timestamptz,
    cancel_reason    text   CONSTRAINT sessions_cancel_reason_length CHECK (length(cancel_reason) BETWEEN 1 AND 500),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT sessions_closed_when CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CONSTRAINT sessions_cancelled_with_reason CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
    CONSTRAINT sessions_notice_with_place CHECK ((notice_posted_on IS NULL) = (notice_place IS NULL))
);

CREATE INDEX sessions_unit_idx ON consultations.sessions (unit_id, starts_at);
CREATE INDEX sessions_starts_idx ON consultations.sessions (starts_at);

-- The agenda: each topic with its vote and resolution.
CREATE TABLE consultations.session_topics (
    session_id     bigint NOT NULL CONSTRAINT session_topics_session_fkey REFERENCES consultations.sessions (id),
    topic_id       bigint NOT NULL CONSTRAINT session_topics_topic_fkey REFERENCES consultations.topics (id),
    position       integer NOT NULL,
    votes_for      integer CONSTRAINT session_topics_for_range CHECK (votes_for >= 0),
    votes_against  integer CONSTRAINT session_topics_against_range CHECK (votes_against >= 0),
    votes_abstain  integer CONSTRAINT session_topics_abstain_range CHECK (votes_abstain >= 0),
    resolution     text   CONSTRAINT session_topics_resolution_length CHECK (length(resolution) BETWEEN 1 AND 2000),
    -- More than half of the votes cast were for it.
    adopted        boolean GENERATED ALWAYS AS (votes_for * 2 > votes_for + votes_against + votes_abstain) STORED,
    voted_at       timestamptz,
    PRIMARY KEY (session_id, topic_id),
    CONSTRAINT session_topics_vote_whole CHECK (
        (votes_for IS NULL) = (votes_against IS NULL) AND (votes_for IS NULL) = (votes_abstain IS NULL)
        AND (votes_for IS NULL) = (resolution IS NULL) AND (votes_for IS NULL) = (voted_at IS NULL)),
    CONSTRAINT session_topics_votes_cast CHECK (votes_for + votes_against + votes_abstain > 0)
);

CREATE INDEX session_topics_topic_idx ON consultations.session_topics (topic_id);

-- Who took part: the three sides of "好商量" and the "六位一体" party each represents.
CREATE TABLE consultations.participants (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id bigint NOT NULL CONSTRAINT participants_session_fkey REFERENCES consultations.sessions (id),
    name       text   NOT NULL CONSTRAINT participants_name_length CHECK (length(name) BETWEEN 1 AND 50),
    role       text   NOT NULL CONSTRAINT participants_role_known CHECK (role IN ('convener', 'stakeholder', 'coordinator', 'observer')),
    party      text   CONSTRAINT participants_party_known
                      CHECK (party IN ('community_party', 'residents_committee', 'resident_unit', 'owners_committee', 'property_company', 'resident')),
    attended   boolean NOT NULL,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT participants_name_key UNIQUE (session_id, name)
);

-- Replies 回声 to proposers: the reason a topic was declined, and each session's answer.
CREATE TABLE consultations.replies (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id   bigint NOT NULL CONSTRAINT replies_topic_fkey REFERENCES consultations.topics (id),
    session_id bigint CONSTRAINT replies_session_fkey REFERENCES consultations.sessions (id),
    kind       text   NOT NULL CONSTRAINT replies_kind_known CHECK (kind IN ('review', 'session')),
    text       text   NOT NULL CONSTRAINT replies_text_length CHECK (length(text) BETWEEN 1 AND 2000),
    channel    text   NOT NULL CONSTRAINT replies_channel_length CHECK (length(channel) BETWEEN 1 AND 30),
    replied_at timestamptz NOT NULL,
    actor      text   NOT NULL,
    CONSTRAINT replies_session_kind CHECK ((kind = 'session') = (session_id IS NOT NULL))
);

CREATE INDEX replies_topic_idx ON consultations.replies (topic_id, id);
CREATE INDEX replies_session_idx ON consultations.replies (session_id, topic_id) WHERE session_id IS NOT NULL;

CREATE TRIGGER replies_append_only BEFORE UPDATE OR DELETE ON consultations.replies
    FOR EACH ROW EXECUTE FUNCTION consultations.append_only();

-- What a session still lacks before it may close, one row per missing item: the five haves
-- that a session itself carries (place, sign, minutes, a reply to each topic's proposer),
-- the vote and resolution on each topic, and the three sides of "好商量" present.
-- `topic_id` names the topic for per-topic items.
CREATE FUNCTION consultations.session_missing(session bigint)
RETURNS TABLE (item text, topic_id bigint)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT 'place', NULL::bigint FROM consultations.sessions s WHERE s.id = session AND s.venue IS NULL
    UNION ALL
    SELECT 'sign', NULL FROM consultations.sessions s WHERE s.id = session AND s.notice_posted_on IS NULL
    UNION ALL
    SELECT 'minutes', NULL FROM consultations.sessions s WHERE s.id = session AND s.minutes IS NULL
    UNION ALL
    SELECT 'vote', st.topic_id FROM consultations.session_topics st WHERE st.session_id = session AND st.voted_at IS NULL
    UNION ALL
    SELECT 'reply', st.topic_id FROM consultations.session_topics st
    WHERE st.session_id = session
      AND NOT EXISTS (SELECT 1 FROM consultations.replies r WHERE r.session_id = st.session_id AND r.topic_id = st.topic_id)
    UNION ALL
    SELECT 'side:' || side.role, NULL FROM (VALUES ('convener'), ('stakeholder'), ('coordinator')) AS side (role)
    WHERE NOT EXISTS (SELECT 1 FROM consultations.participants p WHERE p.session_id = session AND p.role = side.role AND p.attended);
END;

-- A session closes only when nothing is missing, whoever writes the status; a closed or
-- cancelled session is final.
CREATE FUNCTION consultations.sessions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    IF OLD.status <> 'scheduled' THEN
        RAISE EXCEPTION 'session % is %; it no longer changes', OLD.id, OLD.status
            USING ERRCODE = 'P0001', HINT = 'consultations.session.final';
    END IF;
    IF NEW.status = 'closed' THEN
        SELECT string_agg(m.item || coalesce(' (topic ' || m.topic_id || ')', ''), ', ') INTO missing
        FROM consultations.session_missing(NEW.id) m;
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'session % cannot close; missing: %', NEW.id, missing
                USING ERRCODE = 'P0001', HINT = 'consultations.session.five_haves_missing';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER sessions_guard BEFORE UPDATE ON consultations.sessions
    FOR EACH ROW EXECUTE FUNCTION consultations.sessions_guard();

-- The agenda, the participants and the replies of a session change only while it is
-- scheduled. The session row is read FOR SHARE, so a close racing a vote waits for it (and
-- then sees it) or makes it fail.
CREATE FUNCTION consultations.session_still_open() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    state text;
BEGIN
    IF NEW.session_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT status INTO state FROM consultations.sessions WHERE id = NEW.session_id FOR SHARE;
    IF state IS DISTINCT FROM 'scheduled' THEN
        RAISE EXCEPTION 'session % is %; its agenda, participants and replies no longer change', NEW.session_id, coalesce(state, 'unknown')
            USING ERRCODE = 'P0001', HINT = 'consultations.session.final';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER session_topics_session_open BEFORE INSERT OR UPDATE ON consultations.session_topics
    FOR EACH ROW EXECUTE FUNCTION consultations.session_still_open();
CREATE TRIGGER participants_session_open BEFORE INSERT OR UPDATE ON consultations.participants
    FOR EACH ROW EXECUTE FUNCTION consultations.session_still_open();
CREATE TRIGGER replies_session_open BEFORE INSERT ON consultations.replies
    FOR EACH ROW EXECUTE FUNCTION consultations.session_still_open();
