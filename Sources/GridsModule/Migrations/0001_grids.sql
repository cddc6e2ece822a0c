-- Grids (网格): level-1 / level-2 / basic grids, each in one community, nested by path, with
-- the grid Party branch that leads it and the people assigned to it.
--
-- path is an ltree of grid ids, set on insert by a trigger that also checks the nesting
-- rule: a level-2 grid sits under a level-1 grid, a basic grid under a level-2 grid (or
-- directly in its community), always in the parent's community.
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;

CREATE TABLE grids.grids (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code         text   NOT NULL CONSTRAINT grids_code_key UNIQUE
                        CONSTRAINT grids_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9._-]{0,31}$'),
    name         text   NOT NULL CONSTRAINT grids_name_length CHECK (length(name) BETWEEN 1 AND 100),
    level        text   NOT NULL CONSTRAINT grids_level_known CHECK (level IN ('level1', 'level2', 'basic')),
    community_id bigint NOT NULL CONSTRAINT grids_community_fkey REFERENCES organizations.units (id),
    parent_id    bigint CONSTRAINT grids_parent_fkey REFERENCES grids.grids (id),
    path         public.ltree NOT NULL,
    branch_id    bigint CONSTRAINT grids_branch_fkey REFERENCES organizations.units (id),
    latitude     double precision CONSTRAINT grids_latitude_range CHECK (latitude BETWEEN -90 AND 90),
    longitude    double precision CONSTRAINT grids_longitude_range CHECK (longitude BETWEEN -180 AND 180),
    -- The boundary as a closed ring of (longitude, latitude) points.
    boundary     polygon,
    households   integer NOT NULL DEFAULT 0 CONSTRAINT grids_households_nonnegative CHECK (households >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grids_centroid_whole CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT grids_level1_is_root CHECK (level <> 'level1' OR parent_id IS NULL)
);

CREATE FUNCTION grids.grids_set_path() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    parent grids.grids%ROWTYPE;
BEGIN
    IF NEW.parent_id IS NULL THEN
        NEW.path := NEW.id::text::public.ltree;
        RETURN NEW;
    END IF;
    SELECT * INTO parent FROM grids.grids WHERE id = NEW.parent_id;
    IF parent.id IS NULL THEN
        RAISE EXCEPTION 'parent grid % does not exist', NEW.parent_id
            USING ERRCODE = 'P0001', HINT = 'grids.grid.parent_not_found';
    END IF;
    IF NOT ((parent.level = 'level1' AND NEW.level = 'level2') OR (parent.level = 'level2' AND NEW.level = 'basic')) THEN
        RAISE EXCEPTION 'a % grid cannot sit under a % grid: level-2 grids go under level-1 grids, basic grids under level-2 grids', NEW.level, parent.level
            USING ERRCODE = 'P0001', HINT = 'grids.grid.level_not_allowed';
    END IF;
    IF parent.community_id <> NEW.community_id THEN
        RAISE EXCEPTION 'the parent grid % belongs to another community', parent.code
            USING ERRCODE = 'P0001', HINT = 'grids.grid.parent_in_other_community';
    END IF;
    NEW.path := parent.path || NEW.id::text;
    RETURN NEW;
END;
$$;

CREATE TRIGGER grids_set_path
    BEFORE INSERT ON grids.grids
    FOR EACH ROW EXECUTE FUNCTION grids.grids_set_path();

CREATE INDEX grids_path_gist ON grids.grids USING gist (path);
CREATE INDEX grids_community_idx ON grids.grids (community_id, id);
CREATE INDEX grids_parent_idx ON grids.grids (parent_id, id);

-- Grid workers 网格员 and sunk-down cadres 下沉干部 serving a grid, with their terms. A
-- person is a Party member (member_id, name copied for lists) or a named outsider.
CREATE TABLE grids.assignments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grid_id    bigint NOT NULL CONSTRAINT assignments_grid_fkey REFERENCES grids.grids (id),
    role       text   NOT NULL CONSTRAINT assignments_role_known CHECK (role IN ('worker', 'cadre')),
    member_id  bigint CONSTRAINT assignments_member_fkey REFERENCES organizations.members (id),
    person     text   NOT NULL CONSTRAINT assignments_person_length CHECK (length(person) BETWEEN 1 AND 50),
    phone      text   CONSTRAINT assignments_phone_form CHECK (phone ~ '^[0-9+][0-9-]{4,19}$'),
    work_unit  text   CONSTRAINT assignments_work_unit_length CHECK (length(work_unit) BETWEEN 1 AND 100),
    starts_on  date   NOT NULL,
    ends_on    date,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assignments_ends_after_start CHECK (ends_on >= starts_on)
);

-- One open assignment per person, role and grid.
CREATE UNIQUE INDEX assignments_open_key ON grids.assignments (grid_id, role, coalesce(member_id::text, person))
    WHERE ends_on IS NULL;
CREATE INDEX assignments_grid_idx ON grids.assignments (grid_id, id);
CREATE INDEX assignments_member_idx ON grids.assignments (member_id) WHERE member_id IS NOT NULL;
