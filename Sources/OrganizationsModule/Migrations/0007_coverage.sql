-- Coverage (两个全覆盖): venues (office buildings, parks, markets, firms) in a street or
-- community; organisational coverage is an organisation serving the venue (venue_covers),
-- work coverage is Party activity recorded there within a period (venue_activities).
CREATE TABLE organizations.venues (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text   NOT NULL CONSTRAINT venues_name_length CHECK (length(name) BETWEEN 1 AND 100),
    kind       text   NOT NULL CONSTRAINT venues_kind_known CHECK (kind IN ('office_building', 'park', 'market', 'firm')),
    area_id    bigint NOT NULL CONSTRAINT venues_area_fkey REFERENCES organizations.units (id),
    address    text   CONSTRAINT venues_address_length CHECK (length(address) <= 200),
    employees  integer NOT NULL DEFAULT 0 CONSTRAINT venues_employees_range CHECK (employees >= 0),
    members    integer NOT NULL DEFAULT 0 CONSTRAINT venues_members_range CHECK (members >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT venues_members_among_employees CHECK (members <= employees),
    CONSTRAINT venues_name_in_area_key UNIQUE (area_id, name)
);

CREATE INDEX venues_area_idx ON organizations.venues (area_id);

CREATE TABLE organizations.venue_covers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    venue_id   bigint NOT NULL CONSTRAINT venue_covers_venue_fkey REFERENCES organizations.venues (id),
    unit_id    bigint NOT NULL CONSTRAINT venue_covers_unit_fkey REFERENCES organizations.units (id),
    since      date   NOT NULL,
    ended_on   date,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT venue_covers_ended_after_since CHECK (ended_on >= since)
);

CREATE UNIQUE INDEX venue_covers_open_key ON organizations.venue_covers (venue_id, unit_id) WHERE ended_on IS NULL;

CREATE TABLE organizations.venue_activities (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    venue_id   bigint NOT NULL CONSTRAINT venue_activities_venue_fkey REFERENCES organizations.venues (id),
    held_on    date   NOT NULL,
    title      text   NOT NULL CONSTRAINT venue_activities_title_length CHECK (length(title) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX venue_activities_venue_idx ON organizations.venue_activities (venue_id, held_on);
