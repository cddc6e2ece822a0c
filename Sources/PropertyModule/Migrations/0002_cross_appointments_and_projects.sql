-- Cross-appointment 交叉任职: one person both on the community committee (社区"两委") or the
-- complex's Party branch and in the serving company's management, for a term. One person
-- holds at most one term at a time per complex (an exclusion constraint).
--
-- Party-building service projects 党建服务项目 that a company claims 认领 from a community.
CREATE TABLE property.cross_appointments (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complex_id     bigint NOT NULL CONSTRAINT cross_appointments_complex_fkey REFERENCES property.complexes (id),
    company_id     bigint NOT NULL CONSTRAINT cross_appointments_company_fkey REFERENCES property.companies (id),
    person_name    text   NOT NULL CONSTRAINT cross_appointments_person_length CHECK (length(person_name) BETWEEN 1 AND 50),
    member_id      bigint CONSTRAINT cross_appointments_member_fkey REFERENCES organizations.members (id),
    -- Where the person sits on the Party side: the community committee or the complex's branch.
    party_side     text   NOT NULL CONSTRAINT cross_appointments_side_known CHECK (party_side IN ('community', 'complex_branch')),
    party_post     text   NOT NULL CONSTRAINT cross_appointments_party_post_length CHECK (length(party_post) BETWEEN 1 AND 50),
    company_post   text   NOT NULL CONSTRAINT cross_appointments_company_post_length CHECK (length(company_post) BETWEEN 1 AND 50),
    starts_on      date   NOT NULL,
    ends_on        date,
    end_reason     text   CONSTRAINT cross_appointments_end_reason_length CHECK (length(end_reason) <= 200),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cross_appointments_ends_after_start CHECK (ends_on >= starts_on),
    CONSTRAINT cross_appointments_no_overlap EXCLUDE USING gist (
        complex_id WITH =, person_name WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
);

CREATE INDEX cross_appointments_company_idx ON property.cross_appointments (company_id, id);

CREATE TABLE property.projects (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL CONSTRAINT projects_company_fkey REFERENCES property.companies (id),
    community_id bigint NOT NULL CONSTRAINT projects_community_fkey REFERENCES organizations.units (id),
    title        text   NOT NULL CONSTRAINT projects_title_length CHECK (length(title) BETWEEN 1 AND 100),
    description  text   CONSTRAINT projects_description_length CHECK (length(description) <= 2000),
    status       text   NOT NULL CONSTRAINT projects_status_known CHECK (status IN ('claimed', 'in_progress', 'completed', 'abandoned')),
    claimed_on   date   NOT NULL,
    finished_on  date,
    -- What came of it (completed) or why it was given up (abandoned).
    outcome      text   CONSTRAINT projects_outcome_length CHECK (length(outcome) BETWEEN 1 AND 2000),
    updated_at   timestamptz NOT NULL,
    CONSTRAINT projects_title_key UNIQUE (company_id, community_id, title),
    CONSTRAINT projects_finished_with_outcome CHECK (
        (status IN ('completed', 'abandoned')) = (finished_on IS NOT NULL AND outcome IS NOT NULL)),
    CONSTRAINT projects_finished_after_claim CHECK (finished_on >= claimed_on)
);

CREATE INDEX projects_community_idx ON property.projects (community_id, id);
