-- Volunteer dispatch "群众点单、社区派单、队伍接单、成员领单": a resident orders a
-- service (or makes a micro-wish 微心愿), the community dispatches it to a volunteer
-- team, the team accepts, a member claims it, does it and is rated. Statuses change only
-- along consultations.order_transitions; the trigger also checks that whoever accepted,
-- claimed or finished an order belongs to the team it was dispatched to.
--
-- This text corrects the comments of the one first applied:
-- amends e641c611df11e44ac0344a49a16de58b2d51ad2998c10950c276eb8dfffb117d
CREATE TABLE consultations.teams (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text   NOT NULL CONSTRAINT teams_code_key UNIQUE CONSTRAINT teams_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9_-]{0,31}$'),
    name       text   NOT NULL CONSTRAINT teams_name_length CHECK (length(name) BETWEEN 1 AND 100),
    -- The organisation the team belongs to; it serves orders in this organisation's subtree
    -- or, for a team of a grid branch, the community above it.
    unit_id    bigint NOT NULL CONSTRAINT teams_unit_fkey REFERENCES organizations.units (id),
    services   text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL
);

CREATE INDEX teams_unit_idx ON consultations.teams (unit_id);

CREATE TABLE consultations.volunteers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id    bigint NOT NULL CONSTRAINT volunteers_team_fkey REFERENCES consultations.teams (id),
    name       text   NOT NULL CONSTRAINT volunteers_name_length CHECK (length(name) BETWEEN 1 AND 50),
    -- The Party member this volunteer is, whose hours earn vanguard points (先锋指数).
    member_id  bigint CONSTRAINT volunteers_member_fkey REFERENCES organizations.members (id),
    phone      text   CONSTRAINT volunteers_phone_form CHECK (phone ~ '^[0-9+][0-9-]{4,19}$'),
    joined_on  date   NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT volunteers_member_key UNIQUE (team_id, member_id)
);

CREATE INDEX volunteers_team_idx ON consultations.volunteers (team_id, id);
CREATE INDEX volunteers_member_idx ON consultations.volunteers (member_id) WHERE member_id IS NOT NULL;

CREATE TABLE consultations.order_transitions (
    from_status text NOT NULL,
    action      text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, action)
);

INSERT INTO consultations.order_transitions (from_status, action, to_status) VALUES
    ('placed',     'dispatch', 'dispatched'),  -- 社区派单
    ('dispatched', 'accept',   'accepted'),    -- 队伍接单
    ('accepted',   'claim',    'claimed'),     -- 成员领单
    ('claimed',    'done',     'done'),
    ('done',       'rate',     'rated'),
    ('placed',     'cancel',   'cancelled'),
    ('dispatched', 'cancel',   'cancelled'),
    ('accepted',   'cancel',   'cancelled'),
    ('claimed',    'cancel',   'cancelled');

CREATE TABLE consultations.orders (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text   NOT NULL CONSTRAINT orders_kind_known CHECK (kind IN ('service', 'wish')),
    community_id   bigint NOT NULL CONSTRAINT orders_community_fkey REFERENCES organizations.units (id),
    category       text   NOT NULL CONSTRAINT orders_category_length CHECK (length(category) BETWEEN 1 AND 20),
    need           text   NOT NULL CONSTRAINT orders_need_length CHECK (length(need) BETWEEN 1 AND 500),
    address        text   NOT NULL CONSTRAINT orders_address_length CHECK (length(address) BETWEEN 1 AND 200),
    resident       text   NOT NULL CONSTRAINT orders_resident_length CHECK (length(resident) BETWEEN 1 AND 50),
    resident_phone text   CONSTRAINT orders_resident_phone_form CHECK (resident_phone ~ '^[0-9+][0-9-]{4,19}$'),
    status         text   NOT NULL DEFAULT 'placed' CONSTRAINT orders_status_known
                          CHECK (status IN ('placed', 'dispatched', 'accepted', 'claimed', 'done', 'rated', 'cancelled')),
    team_id        bigint CONSTRAINT orders_team_fkey REFERENCES consultations.teams (id),
    accepted_by    bigint CONSTRAINT orders_accepted_by_fkey REFERENCES consultations.volunteers (id),
    claimed_by     bigint CONSTRAINT orders_claimed_by_fkey REFERENCES consultations.volunteers (id),
    hours          numeric(4, 1) CONSTRAINT orders_hours_range CHECK (hours > 0 AND hours <= 24),
    -- The vanguard points entry the hours earned, when the volunteer is a Party member.
    points_entry_id bigint CONSTRAINT orders_points_entry_fkey REFERENCES organizations.points (id),
    rating         smallint CONSTRAINT orders_rating_range CHECK (rating BETWEEN 1 AND 5),
    rating_comment text   CONSTRAINT orders_rating_comment_length CHECK (length(rating_comment) BETWEEN 1 AND 500),
    placed_at      timestamptz NOT NULL,
    dispatched_at  timestamptz,
    accepted_at    timestamptz,
    claimed_at     timestamptz,
    done_at        timestamptz,
    rated_at       timestamptz,
    cancelled_at   timestamptz,
    cancel_reason  text   CONSTRAINT orders_cancel_reason_length CHECK (length(cancel_reason) BETWEEN 1 AND 500),
    updated_at     timestamptz NOT NULL,
    CONSTRAINT orders_dispatched_to_team CHECK ((dispatched_at IS NULL) = (team_id IS NULL)),
    CONSTRAINT orders_accepted_by_someone CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
    CONSTRAINT orders_claimed_by_someone CHECK ((claimed_at IS NULL) = (claimed_by IS NULL)),
    CONSTRAINT orders_done_with_hours CHECK ((done_at IS NULL) = (hours IS NULL)),
    CONSTRAINT orders_rated_with_rating CHECK ((rated_at IS NULL) = (rating IS NULL)),
    CONSTRAINT orders_cancelled_with_reason CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
);

CREATE INDEX orders_community_idx ON consultations.orders (community_id, id);
CREATE INDEX orders_status_idx ON consultations.orders (status, id);
CREATE INDEX orders_team_idx ON consultations.orders (team_id, id) WHERE team_id IS NOT NULL;
CREATE INDEX orders_placed_idx ON consultations.orders (placed_at);

CREATE FUNCTION consultations.orders_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT EXISTS (SELECT 1 FROM consultations.order_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        SELECT string_agg(action || ' (→ ' || to_status || ')', ', ' ORDER BY action) INTO allowed
        FROM consultations.order_transitions WHERE from_status = OLD.status;
        RAISE EXCEPTION 'order % is %; it cannot become % (from % allowed: %)', OLD.id, OLD.status, NEW.status, OLD.status, coalesce(allowed, 'nothing')
            USING ERRCODE = 'P0001', HINT = 'consultations.order.transition_not_allowed';
    END IF;
    IF NEW.team_id IS DISTINCT FROM OLD.team_id AND OLD.team_id IS NOT NULL THEN
        RAISE EXCEPTION 'order % stays with the team it was dispatched to', OLD.id
            USING ERRCODE = 'P0001', HINT = 'consultations.order.team_fixed';
    END IF;
    IF (NEW.accepted_by IS DISTINCT FROM OLD.accepted_by
            AND NOT EXISTS (SELECT 1 FROM consultations.volunteers v WHERE v.id = NEW.accepted_by AND v.team_id = NEW.team_id))
       OR (NEW.claimed_by IS DISTINCT FROM OLD.claimed_by
            AND NOT EXISTS (SELECT 1 FROM consultations.volunteers v WHERE v.id = NEW.claimed_by AND v.team_id = NEW.team_id)) THEN
        RAISE EXCEPTION 'order %: only a volunteer of the team it was dispatched to may accept or claim it', OLD.id
            USING ERRCODE = 'P0001', HINT = 'consultations.order.not_team_member';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER orders_guard BEFORE UPDATE ON consultations.orders
    FOR EACH ROW EXECUTE FUNCTION consultations.orders_guard();

-- Each step of an order, append-only.
CREATE TABLE consultations.order_events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id  bigint NOT NULL CONSTRAINT order_events_order_fkey REFERENCES consultations.orders (id),
    at        timestamptz NOT NULL,
    action    text   NOT NULL,
    actor     text   NOT NULL,
    detail    text
);

CREATE INDEX order_events_order_idx ON consultations.order_events (order_id, id);

CREATE TRIGGER order_events_append_only BEFORE UPDATE OR DELETE ON consultations.order_events
    FOR EACH ROW EXECUTE FUNCTION consultations.append_only();
