-- Households 一户一档: one file per household of a grid (address, head of household, size,
-- tags such as 独居老人 or 困难家庭) and the visits 走访 made to it, with what was noted and
-- what the household needs.
--
-- Tags are checked against the configured list (modules.grids.household_tags) by the
-- command, not here, so a tag removed from the configuration stays readable on old files.
CREATE TABLE grids.households (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grid_id     bigint  NOT NULL CONSTRAINT households_grid_fkey REFERENCES grids.grids (id),
    address     text    NOT NULL CONSTRAINT households_address_length CHECK (length(address) BETWEEN 1 AND 200),
    head_name   text    NOT NULL CONSTRAINT households_head_name_length CHECK (length(head_name) BETWEEN 1 AND 50),
    head_phone  text    CONSTRAINT households_head_phone_form CHECK (head_phone ~ '^[0-9+][0-9-]{4,19}$'),
    size        integer NOT NULL DEFAULT 1 CONSTRAINT households_size_range CHECK (size BETWEEN 1 AND 50),
    tags        text[]  NOT NULL DEFAULT '{}' CONSTRAINT households_tags_count CHECK (cardinality(tags) <= 20),
    note        text    CONSTRAINT households_note_length CHECK (length(note) BETWEEN 1 AND 2000),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- One file per address in a grid.
    CONSTRAINT households_address_key UNIQUE (grid_id, address)
);

CREATE INDEX households_tags_gin ON grids.households USING gin (tags);

-- Visits 走访 to a household, append-only.
CREATE TABLE grids.household_visits (
    id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    household_id bigint  NOT NULL CONSTRAINT household_visits_household_fkey REFERENCES grids.households (id),
    visited_on   date    NOT NULL,
    visitor      text    NOT NULL CONSTRAINT household_visits_visitor_length CHECK (length(visitor) BETWEEN 1 AND 50),
    note         text    NOT NULL CONSTRAINT household_visits_note_length CHECK (length(note) BETWEEN 1 AND 2000),
    needs        text    CONSTRAINT household_visits_needs_length CHECK (length(needs) BETWEEN 1 AND 1000),
    follow_up    boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX household_visits_household_idx ON grids.household_visits (household_id, visited_on, id);
