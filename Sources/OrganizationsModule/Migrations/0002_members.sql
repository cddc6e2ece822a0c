-- Party members (党员): each belongs to one organisation (their branch) at a time; a transfer
-- (组织关系转接) moves them and leaves a row in member_transfers. A member who leaves keeps
-- the row, with left_on and the reason.
CREATE TABLE organizations.members (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text   NOT NULL CONSTRAINT members_name_length CHECK (length(name) BETWEEN 1 AND 50),
    phone             text   CONSTRAINT members_phone_form CHECK (phone ~ '^[0-9+][0-9-]{4,19}$'),
    status            text   NOT NULL CONSTRAINT members_status_known CHECK (status IN ('formal', 'probationary')),
    joined_on         date   NOT NULL,
    unit_id           bigint NOT NULL CONSTRAINT members_unit_fkey REFERENCES organizations.units (id),
    work_unit         text   CONSTRAINT members_work_unit_length CHECK (length(work_unit) BETWEEN 1 AND 100),
    residence_id      bigint CONSTRAINT members_residence_fkey REFERENCES organizations.units (id),
    is_mobile         boolean NOT NULL DEFAULT false,
    left_on           date,
    leave_reason      text   CONSTRAINT members_leave_reason_known CHECK (
                                 leave_reason IN ('transferred_out', 'deceased', 'expelled', 'withdrew', 'other')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT members_left_with_reason CHECK ((left_on IS NULL) = (leave_reason IS NULL)),
    CONSTRAINT members_left_after_joining CHECK (left_on >= joined_on)
);

CREATE INDEX members_unit_idx ON organizations.members (unit_id, id) WHERE left_on IS NULL;
CREATE INDEX members_residence_idx ON organizations.members (residence_id) WHERE left_on IS NULL;
CREATE INDEX members_name_trgm ON organizations.members USING gin (name public.gin_trgm_ops);

CREATE TABLE organizations.member_transfers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id      bigint NOT NULL CONSTRAINT member_transfers_member_fkey REFERENCES organizations.members (id),
    from_unit_id   bigint NOT NULL CONSTRAINT member_transfers_from_fkey REFERENCES organizations.units (id),
    to_unit_id     bigint NOT NULL CONSTRAINT member_transfers_to_fkey REFERENCES organizations.units (id),
    transferred_on date   NOT NULL,
    reason         text   CONSTRAINT member_transfers_reason_length CHECK (length(reason) <= 200),
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT member_transfers_moves CHECK (from_unit_id <> to_unit_id)
);

CREATE INDEX member_transfers_member_idx ON organizations.member_transfers (member_id, id);
