-- The Party organisation tree (党组织): city → district → street → community → grid branch →
-- building group, plus the regional, industry, resident-unit, "two new", joint and network
-- organisations that hang off it.
--
-- path is an ltree of ids (`1.4.27`), set on insert by a trigger: renames never touch it, a
-- move rewrites the moved subtree's prefix in one statement. Which kind may sit under which is checked by the module
-- (OrganizationKind.allowedChildren), the kinds themselves here.
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE organizations.units (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text   NOT NULL CONSTRAINT units_code_key UNIQUE
                          CONSTRAINT units_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9._-]{0,31}$'),
    name           text   NOT NULL CONSTRAINT units_name_length CHECK (length(name) BETWEEN 1 AND 100),
    kind           text   NOT NULL CONSTRAINT units_kind_known CHECK (kind IN (
                              'city', 'district', 'street', 'community', 'grid_branch', 'building_group',
                              'regional', 'industry', 'resident_unit', 'two_new', 'joint', 'network_branch', 'branch')),
    subtype        text   CONSTRAINT units_subtype_known CHECK (subtype IN ('office_building', 'park', 'business_district')),
    parent_id      bigint CONSTRAINT units_parent_fkey REFERENCES organizations.units (id),
    path           public.ltree NOT NULL,
    established_on date,
    dissolved_on   date,
    secretary      text   CONSTRAINT units_secretary_length CHECK (length(secretary) BETWEEN 1 AND 50),
    phone          text   CONSTRAINT units_phone_form CHECK (phone ~ '^[0-9+][0-9-]{4,19}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    -- A regional organisation says where it sits (office building, park, business district);
    -- no other kind has a subtype.
    CONSTRAINT units_subtype_only_regional CHECK ((kind = 'regional') = (subtype IS NOT NULL)),
    CONSTRAINT units_dissolved_after_established CHECK (dissolved_on >= established_on),
    CONSTRAINT units_path_ends_with_id CHECK (public.subpath(path, -1)::text = id::text),
    CONSTRAINT units_not_own_parent CHECK (parent_id <> id)
);

-- A new unit's path is its parent's path plus its own id, computed here so that every writer
-- (commands, bulk loads with COPY) gets it right.
CREATE FUNCTION organizations.units_set_path() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    parent_path public.ltree;
BEGIN
    IF NEW.parent_id IS NULL THEN
        NEW.path := NEW.id::text::public.ltree;
    ELSE
        SELECT path INTO parent_path FROM organizations.units WHERE id = NEW.parent_id;
        IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent organisation % does not exist', NEW.parent_id
                USING ERRCODE = 'P0001', HINT = 'organizations.unit.parent_not_found';
        END IF;
        NEW.path := parent_path || NEW.id::text;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER units_set_path
    BEFORE INSERT ON organizations.units
    FOR EACH ROW EXECUTE FUNCTION organizations.units_set_path();

CREATE INDEX units_path_gist ON organizations.units USING gist (path);
CREATE INDEX units_parent_idx ON organizations.units (parent_id, id);
CREATE INDEX units_kind_idx ON organizations.units (kind, id);
CREATE INDEX units_name_trgm ON organizations.units USING gin (name public.gin_trgm_ops);
CREATE INDEX units_code_trgm ON organizations.units USING gin (code public.gin_trgm_ops);
