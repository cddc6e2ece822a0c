-- Double reporting (双报到): a resident unit's organisation, or an in-service member (在职党员),
-- reports to a community and serves there. One open report per unit and community, and one per
-- member (a member reports where they live); hours served are logged against the report.
CREATE TABLE organizations.reports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      bigint CONSTRAINT reports_unit_fkey REFERENCES organizations.units (id),
    member_id    bigint CONSTRAINT reports_member_fkey REFERENCES organizations.members (id),
    community_id bigint NOT NULL CONSTRAINT reports_community_fkey REFERENCES organizations.units (id),
    reported_on  date   NOT NULL,
    ended_on     date,
    note         text   CONSTRAINT reports_note_length CHECK (length(note) <= 500),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reports_one_reporter CHECK ((unit_id IS NULL) <> (member_id IS NULL)),
    CONSTRAINT reports_ended_after_reported CHECK (ended_on >= reported_on)
);

CREATE UNIQUE INDEX reports_open_unit_key ON organizations.reports (unit_id, community_id)
    WHERE ended_on IS NULL AND unit_id IS NOT NULL;
CREATE UNIQUE INDEX reports_open_member_key ON organizations.reports (member_id)
    WHERE ended_on IS NULL AND member_id IS NOT NULL;
CREATE INDEX reports_community_idx ON organizations.reports (community_id, id);

CREATE TABLE organizations.service_hours (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id  bigint NOT NULL CONSTRAINT service_hours_report_fkey REFERENCES organizations.reports (id),
    served_on  date   NOT NULL,
    hours      numeric(4, 1) NOT NULL CONSTRAINT service_hours_range CHECK (hours > 0 AND hours <= 24),
    activity   text   NOT NULL CONSTRAINT service_hours_activity_length CHECK (length(activity) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX service_hours_report_idx ON organizations.service_hours (report_id, served_on);
