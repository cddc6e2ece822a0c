-- Vanguard index (先锋指数): an append-only ledger of points per member. Corrections are new
-- entries with negative points, never edits.
CREATE TABLE organizations.points (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  bigint NOT NULL CONSTRAINT points_member_fkey REFERENCES organizations.members (id),
    category   text   NOT NULL CONSTRAINT points_category_length CHECK (length(category) BETWEEN 1 AND 30),
    points     integer NOT NULL CONSTRAINT points_range CHECK (points BETWEEN -100 AND 100 AND points <> 0),
    reason     text   NOT NULL CONSTRAINT points_reason_length CHECK (length(reason) BETWEEN 1 AND 200),
    awarded_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX points_member_idx ON organizations.points (member_id, awarded_at);
CREATE INDEX points_awarded_idx ON organizations.points (awarded_at);

CREATE FUNCTION organizations.points_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the points ledger is append-only; record a correcting entry instead'
        USING ERRCODE = 'P0001', HINT = 'organizations.points.append_only';
END;
$$;

CREATE TRIGGER points_append_only
    BEFORE UPDATE OR DELETE ON organizations.points
    FOR EACH ROW EXECUTE FUNCTION organizations.points_append_only();
