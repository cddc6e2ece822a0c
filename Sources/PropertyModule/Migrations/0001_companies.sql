-- Property companies 物业企业 and the complexes 小区 they serve (红色物业).
--
-- A company is known by its unified social credit code 统一社会信用代码 (GB 32100-2015),
-- checked here as well as in the commands: 18 characters from the 31-character alphabet
-- without I, O, S, V and Z, a six-digit division code in places 3-8, and a check character
-- in place 18. Its Party organisation is a unit of the organisation tree, or none: a
-- coverage gap. Star ratings 星级 keep their history.
--
-- Which company serves a complex is the contract history, service_contracts: two contracts
-- of one complex never overlap (an exclusion constraint), so "who served this complex on
-- that day" always has one answer.
CREATE EXTENSION IF NOT EXISTS ltree WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

CREATE FUNCTION property.credit_code_valid(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'
       AND substr(
               '0123456789ABCDEFGHJKLMNPQRTUWXY',
               (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, t.place::integer, 1)) - 1) * t.weight)
                      FROM unnest(ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]) WITH ORDINALITY AS t(weight, place)
                     )::integer % 31) % 31 + 1,
               1) = substr(code, 18, 1)
$$;

CREATE TABLE property.companies (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_code   text   NOT NULL CONSTRAINT companies_credit_code_key UNIQUE
                         CONSTRAINT companies_credit_code_valid CHECK (property.credit_code_valid(credit_code)),
    name          text   NOT NULL CONSTRAINT companies_name_length CHECK (length(name) BETWEEN 1 AND 100),
    contact_name  text   CONSTRAINT companies_contact_name_length CHECK (length(contact_name) BETWEEN 1 AND 50),
    contact_phone text   CONSTRAINT companies_contact_phone_form CHECK (contact_phone ~ '^[0-9+][0-9-]{4,19}$'),
    -- The company's own Party organisation (a two-new, joint or ordinary branch); null is a coverage gap.
    party_unit_id bigint CONSTRAINT companies_party_unit_fkey REFERENCES organizations.units (id),
    stars         smallint CONSTRAINT companies_stars_range CHECK (stars BETWEEN 1 AND 5),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX companies_name_idx ON property.companies (name, id);
CREATE INDEX companies_party_unit_idx ON property.companies (party_unit_id);
CREATE INDEX companies_uncovered_idx ON property.companies (id) WHERE party_unit_id IS NULL;

-- Star ratings 星级物业 as given, newest last; companies.stars is the latest.
CREATE TABLE property.star_ratings (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id  bigint NOT NULL CONSTRAINT star_ratings_company_fkey REFERENCES property.companies (id),
    stars       smallint NOT NULL CONSTRAINT star_ratings_stars_range CHECK (stars BETWEEN 1 AND 5),
    rated_on    date   NOT NULL,
    reason      text   CONSTRAINT star_ratings_reason_length CHECK (length(reason) <= 500),
    rated_by    text   NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX star_ratings_company_idx ON property.star_ratings (company_id, id);

CREATE TABLE property.complexes (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             text   NOT NULL CONSTRAINT complexes_code_key UNIQUE
                            CONSTRAINT complexes_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9._-]{0,31}$'),
    name             text   NOT NULL CONSTRAINT complexes_name_length CHECK (length(name) BETWEEN 1 AND 100),
    address          text   NOT NULL CONSTRAINT complexes_address_length CHECK (length(address) BETWEEN 1 AND 200),
    community_id     bigint NOT NULL CONSTRAINT complexes_community_fkey REFERENCES organizations.units (id),
    -- A grid of the grids module when it is loaded; no foreign key, because that module is optional.
    grid_id          bigint,
    -- The grid's code, kept with the id so lists need not read the optional module's tables.
    grid_code        text,
    -- The complex's own Party branch 小区党支部, when it has one.
    branch_id        bigint CONSTRAINT complexes_branch_fkey REFERENCES organizations.units (id),
    homes            integer NOT NULL DEFAULT 0 CONSTRAINT complexes_homes_range CHECK (homes BETWEEN 0 AND 100000),
    -- Whether the owners have an owners' committee 业委会.
    owners_committee boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    CONSTRAINT complexes_name_in_community_key UNIQUE (community_id, name),
    CONSTRAINT complexes_grid_whole CHECK ((grid_id IS NULL) = (grid_code IS NULL))
);

CREATE INDEX complexes_community_idx ON property.complexes (community_id, id);
CREATE INDEX complexes_grid_idx ON property.complexes (grid_id) WHERE grid_id IS NOT NULL;

-- Which company serves which complex, and when; ends_on null is open-ended.
CREATE TABLE property.service_contracts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complex_id  bigint NOT NULL CONSTRAINT service_contracts_complex_fkey REFERENCES property.complexes (id),
    company_id  bigint NOT NULL CONSTRAINT service_contracts_company_fkey REFERENCES property.companies (id),
    starts_on   date   NOT NULL,
    ends_on     date,
    recorded_by text   NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_contracts_ends_after_start CHECK (ends_on >= starts_on),
    CONSTRAINT service_contracts_no_overlap EXCLUDE USING gist (complex_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);

CREATE INDEX service_contracts_company_idx ON property.service_contracts (company_id, complex_id);
