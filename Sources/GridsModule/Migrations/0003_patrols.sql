-- Patrols 每日巡: one row per patrol a grid worker walks through a grid on a day.
--
-- worker is the name as lists show it; member_id is set when the worker is a Party member
-- (the name is then copied from organizations.members). `grid patrol gaps` asks which grids
-- have no row for a day, hence the (patrolled_on, grid_id) index; the (grid_id,
-- patrolled_on) index answers "the last patrol of this grid before that day".
CREATE TABLE grids.patrols (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grid_id      bigint NOT NULL CONSTRAINT patrols_grid_fkey REFERENCES grids.grids (id),
    worker       text   NOT NULL CONSTRAINT patrols_worker_length CHECK (length(worker) BETWEEN 1 AND 50),
    member_id    bigint CONSTRAINT patrols_member_fkey REFERENCES organizations.members (id),
    patrolled_on date   NOT NULL,
    started_at   timestamptz,
    ended_at     timestamptz,
    cases_found  integer NOT NULL DEFAULT 0 CONSTRAINT patrols_cases_found_nonnegative CHECK (cases_found >= 0),
    note         text   CONSTRAINT patrols_note_length CHECK (length(note) BETWEEN 1 AND 2000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT patrols_ends_after_start CHECK (ended_at >= started_at)
);

CREATE INDEX patrols_day_idx ON grids.patrols (patrolled_on, grid_id);
CREATE INDEX patrols_grid_day_idx ON grids.patrols (grid_id, patrolled_on);
