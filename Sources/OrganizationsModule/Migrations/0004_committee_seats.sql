-- Part-time committee seats (兼职委员): people from resident units sitting on a street's
-- "大工委" or a community's "大党委", with terms. A person holds at most one open seat on a
-- committee.
CREATE TABLE organizations.seats (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    committee_id bigint NOT NULL CONSTRAINT seats_committee_fkey REFERENCES organizations.units (id),
    person       text   NOT NULL CONSTRAINT seats_person_length CHECK (length(person) BETWEEN 1 AND 50),
    member_id    bigint CONSTRAINT seats_member_fkey REFERENCES organizations.members (id),
    from_unit_id bigint NOT NULL CONSTRAINT seats_from_unit_fkey REFERENCES organizations.units (id),
    title        text   NOT NULL CONSTRAINT seats_title_length CHECK (length(title) BETWEEN 1 AND 30),
    term_start   date   NOT NULL,
    term_end     date   NOT NULL,
    ended_on     date,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT seats_term_order CHECK (term_end > term_start),
    CONSTRAINT seats_ended_in_term CHECK (ended_on >= term_start)
);

CREATE UNIQUE INDEX seats_open_person_key ON organizations.seats (committee_id, person)
    WHERE ended_on IS NULL;
CREATE INDEX seats_committee_idx ON organizations.seats (committee_id, id);
