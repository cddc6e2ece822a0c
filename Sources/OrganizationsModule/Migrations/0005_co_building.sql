-- Co-building (结对共建): a resident unit's organisation pairs with a community; projects in
-- configured categories run planned → in_progress → done (or cancelled).
CREATE TABLE organizations.pairs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      bigint NOT NULL CONSTRAINT pairs_unit_fkey REFERENCES organizations.units (id),
    community_id bigint NOT NULL CONSTRAINT pairs_community_fkey REFERENCES organizations.units (id),
    since        date   NOT NULL,
    ended_on     date,
    commitment   text   CONSTRAINT pairs_commitment_length CHECK (length(commitment) <= 500),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pairs_ended_after_since CHECK (ended_on >= since)
);

CREATE UNIQUE INDEX pairs_open_key ON organizations.pairs (unit_id, community_id) WHERE ended_on IS NULL;
CREATE INDEX pairs_community_idx ON organizations.pairs (community_id, id);

CREATE TABLE organizations.projects (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id      bigint NOT NULL CONSTRAINT projects_pair_fkey REFERENCES organizations.pairs (id),
    title        text   NOT NULL CONSTRAINT projects_title_length CHECK (length(title) BETWEEN 1 AND 100),
    category     text   NOT NULL CONSTRAINT projects_category_length CHECK (length(category) BETWEEN 1 AND 30),
    status       text   NOT NULL DEFAULT 'planned'
                        CONSTRAINT projects_status_known CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    due_on       date,
    outcome      text   CONSTRAINT projects_outcome_length CHECK (length(outcome) <= 2000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- A finished project says what came of it.
    CONSTRAINT projects_done_has_outcome CHECK (status <> 'done' OR outcome IS NOT NULL)
);

CREATE INDEX projects_pair_idx ON organizations.projects (pair_id, id);
CREATE INDEX projects_open_due_idx ON organizations.projects (due_on) WHERE status IN ('planned', 'in_progress');
