-- Assessment 考核: responsibility lists 责任清单 of weighted indicators per kind of organisation,
-- each indicator naming the evidence it is scored by; a yearly assessment of each secretary's
-- organisation by the organisation above it, and of each unit stationed in a street by the
-- street (双向考核); the secretary's report and the appraisers' votes 述职评议; publication that
-- freezes a year's results; breakthrough projects 突破项目 for the weakest indicators.

-- A responsibility list is versioned per kind of organisation: once an assessment scores by a
-- version, its indicators no longer change (a new version carries the change).
CREATE TABLE governance.checklists (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       text    NOT NULL CONSTRAINT checklists_kind_known CHECK (kind IN (
                           'city', 'district', 'street', 'community', 'grid_branch', 'building_group', 'regional', 'industry',
                           'resident_unit', 'two_new', 'joint', 'network_branch', 'branch')),
    version    integer NOT NULL CONSTRAINT checklists_version_positive CHECK (version > 0),
    title      text    NOT NULL CONSTRAINT checklists_title_length CHECK (length(title) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL,
    CONSTRAINT checklists_version_key UNIQUE (kind, version)
);
COMMENT ON CONSTRAINT checklists_kind_known ON governance.checklists IS 'kind: a kind of organisation (street, community, resident_unit…)';
COMMENT ON CONSTRAINT checklists_version_positive ON governance.checklists IS '-: versions count from 1';
COMMENT ON CONSTRAINT checklists_title_length ON governance.checklists IS 'title: a title has 1 to 100 characters';
COMMENT ON CONSTRAINT checklists_version_key ON governance.checklists IS 'kind: this version of the kind''s list exists; try again';

CREATE TABLE governance.indicators (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checklist_id bigint NOT NULL CONSTRAINT indicators_checklist_fkey REFERENCES governance.checklists (id),
    code         text   NOT NULL CONSTRAINT indicators_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9_-]{0,19}$'),
    title        text   NOT NULL CONSTRAINT indicators_title_length CHECK (length(title) BETWEEN 1 AND 100),
    weight       numeric(5, 2) NOT NULL CONSTRAINT indicators_weight_range CHECK (weight > 0 AND weight <= 100),
    evidence     text   NOT NULL CONSTRAINT indicators_evidence_known CHECK (evidence IN (
                            'cases_on_time', 'complaints_on_time', 'sessions_five_haves', 'meetings_held', 'tasks_on_time',
                            'attendance', 'coverage', 'points', 'review', 'manual')),
    CONSTRAINT indicators_code_key UNIQUE (checklist_id, code)
);
COMMENT ON CONSTRAINT indicators_code_form ON governance.indicators IS
    'code: an indicator code starts with a letter, then up to 19 letters, digits, _ or -';
COMMENT ON CONSTRAINT indicators_title_length ON governance.indicators IS 'title: a title has 1 to 100 characters';
COMMENT ON CONSTRAINT indicators_weight_range ON governance.indicators IS 'weight: a weight is more than 0 and at most 100';
COMMENT ON CONSTRAINT indicators_code_key ON governance.indicators IS 'code: the list has an indicator with this code';
COMMENT ON CONSTRAINT indicators_evidence_known ON governance.indicators IS
    'evidence: cases_on_time, complaints_on_time, sessions_five_haves, meetings_held, tasks_on_time, attendance, coverage, points, review or manual';
CREATE INDEX indicators_checklist_idx ON governance.indicators (checklist_id, code);

CREATE TABLE governance.assessments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year             integer NOT NULL CONSTRAINT assessments_year_range CHECK (year BETWEEN 2000 AND 2100),
    unit_id          bigint  NOT NULL CONSTRAINT assessments_unit_fkey REFERENCES organizations.units (id),
    assessor_unit_id bigint  NOT NULL CONSTRAINT assessments_assessor_fkey REFERENCES organizations.units (id),
    -- secretary: the organisation above assesses the secretary's organisation (with 述职评议);
    -- stationed: a street or community assesses a unit stationed in it (双向考核).
    direction        text    NOT NULL CONSTRAINT assessments_direction_known CHECK (direction IN ('secretary', 'stationed')),
    checklist_id     bigint  NOT NULL CONSTRAINT assessments_checklist_fkey REFERENCES governance.checklists (id),
    secretary        text,
    total            numeric(6, 2),
    grade            text    CONSTRAINT assessments_grade_known CHECK (grade IN ('优秀', '良好', '一般', '较差')),
    published_at     timestamptz,
    published_by     text,
    created_at       timestamptz NOT NULL,
    CONSTRAINT assessments_once_a_year UNIQUE (year, unit_id, assessor_unit_id),
    CONSTRAINT assessments_not_self CHECK (unit_id <> assessor_unit_id),
    CONSTRAINT assessments_published_with_result CHECK ((published_at IS NULL) = (total IS NULL) AND (total IS NULL) = (grade IS NULL))
);
COMMENT ON CONSTRAINT assessments_year_range ON governance.assessments IS 'year: a year from 2000 to 2100';
COMMENT ON CONSTRAINT assessments_direction_known ON governance.assessments IS '-: an assessment is of a secretary''s organisation or of a stationed unit';
COMMENT ON CONSTRAINT assessments_grade_known ON governance.assessments IS '-: a grade is 优秀, 良好, 一般 or 较差';
COMMENT ON CONSTRAINT assessments_not_self ON governance.assessments IS 'by: an organisation does not assess itself';
COMMENT ON CONSTRAINT assessments_published_with_result ON governance.assessments IS '-: a published assessment has its total and grade';
CREATE INDEX assessments_assessor_idx ON governance.assessments (assessor_unit_id, year);
CREATE INDEX assessments_unit_idx ON governance.assessments (unit_id, year);

-- A manual indicator's percentage, given by the assessor with a note.
CREATE TABLE governance.manual_scores (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint NOT NULL CONSTRAINT manual_scores_assessment_fkey REFERENCES governance.assessments (id),
    indicator_id  bigint NOT NULL CONSTRAINT manual_scores_indicator_fkey REFERENCES governance.indicators (id),
    percent       numeric(5, 2) NOT NULL CONSTRAINT manual_scores_percent_range CHECK (percent BETWEEN 0 AND 100),
    note          text   NOT NULL CONSTRAINT manual_scores_note_length CHECK (length(note) BETWEEN 1 AND 500),
    CONSTRAINT manual_scores_once UNIQUE (assessment_id, indicator_id)
);
COMMENT ON CONSTRAINT manual_scores_percent_range ON governance.manual_scores IS 'percent: a percentage from 0 to 100';
COMMENT ON CONSTRAINT manual_scores_note_length ON governance.manual_scores IS 'note: a note has 1 to 500 characters';
COMMENT ON CONSTRAINT manual_scores_once ON governance.manual_scores IS 'indicator: this indicator has its score; try again';

-- What a published assessment was scored with: each indicator's evidence as it stood.
CREATE TABLE governance.scores (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint NOT NULL CONSTRAINT scores_assessment_fkey REFERENCES governance.assessments (id),
    indicator_id  bigint NOT NULL CONSTRAINT scores_indicator_fkey REFERENCES governance.indicators (id),
    achieved      bigint,
    counted       bigint,
    percent       numeric(5, 2) NOT NULL,
    score         numeric(6, 2) NOT NULL,
    source        text   NOT NULL,
    CONSTRAINT scores_once UNIQUE (assessment_id, indicator_id)
);
COMMENT ON CONSTRAINT scores_once ON governance.scores IS '-: this indicator is scored already';

-- 述职评议: the secretary's report and the appraisers' votes 好/较好/一般/差 by count.
CREATE TABLE governance.reviews (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint  NOT NULL CONSTRAINT reviews_assessment_fkey REFERENCES governance.assessments (id)
                          CONSTRAINT reviews_assessment_key UNIQUE,
    report        text    NOT NULL CONSTRAINT reviews_report_length CHECK (length(report) BETWEEN 1 AND 4000),
    good          integer NOT NULL CONSTRAINT reviews_good_range CHECK (good >= 0),
    fairly_good   integer NOT NULL CONSTRAINT reviews_fairly_good_range CHECK (fairly_good >= 0),
    average       integer NOT NULL CONSTRAINT reviews_average_range CHECK (average >= 0),
    poor          integer NOT NULL CONSTRAINT reviews_poor_range CHECK (poor >= 0),
    result        text    NOT NULL CONSTRAINT reviews_result_known CHECK (result IN ('好', '较好', '一般', '差')),
    recorded_at   timestamptz NOT NULL,
    CONSTRAINT reviews_some_votes CHECK (good + fairly_good + average + poor > 0)
);
COMMENT ON CONSTRAINT reviews_assessment_key ON governance.reviews IS 'assessment: its 述职评议 is recorded already';
COMMENT ON CONSTRAINT reviews_report_length ON governance.reviews IS 'report: the report has 1 to 4000 characters';
COMMENT ON CONSTRAINT reviews_good_range ON governance.reviews IS 'good: a count of votes is 0 or more';
COMMENT ON CONSTRAINT reviews_fairly_good_range ON governance.reviews IS 'fairly_good: a count of votes is 0 or more';
COMMENT ON CONSTRAINT reviews_average_range ON governance.reviews IS 'average: a count of votes is 0 or more';
COMMENT ON CONSTRAINT reviews_poor_range ON governance.reviews IS 'poor: a count of votes is 0 or more';
COMMENT ON CONSTRAINT reviews_result_known ON governance.reviews IS '-: a result is 好, 较好, 一般 or 差';
COMMENT ON CONSTRAINT reviews_some_votes ON governance.reviews IS 'good: a 述职评议 counts at least one vote';

-- Breakthrough projects 突破项目: an organisation's weakest indicators of a published year,
-- to be worked on the next year.
CREATE TABLE governance.breakthroughs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint  NOT NULL CONSTRAINT breakthroughs_assessment_fkey REFERENCES governance.assessments (id),
    unit_id       bigint  NOT NULL CONSTRAINT breakthroughs_unit_fkey REFERENCES organizations.units (id),
    year          integer NOT NULL,
    indicator_id  bigint  NOT NULL CONSTRAINT breakthroughs_indicator_fkey REFERENCES governance.indicators (id),
    title         text    NOT NULL,
    status        text    NOT NULL DEFAULT 'open' CONSTRAINT breakthroughs_status_known CHECK (status IN ('open', 'done')),
    outcome       text    CONSTRAINT breakthroughs_outcome_length CHECK (length(outcome) BETWEEN 1 AND 2000),
    closed_on     date,
    CONSTRAINT breakthroughs_once UNIQUE (assessment_id, indicator_id),
    CONSTRAINT breakthroughs_done_with_outcome CHECK ((status = 'done') = (outcome IS NOT NULL AND closed_on IS NOT NULL))
);
COMMENT ON CONSTRAINT breakthroughs_status_known ON governance.breakthroughs IS '-: a breakthrough project is open or done';
COMMENT ON CONSTRAINT breakthroughs_outcome_length ON governance.breakthroughs IS 'outcome: the outcome has 1 to 2000 characters';
COMMENT ON CONSTRAINT breakthroughs_once ON governance.breakthroughs IS '-: this indicator is a breakthrough project already';
COMMENT ON CONSTRAINT breakthroughs_done_with_outcome ON governance.breakthroughs IS 'outcome: a done project says what came of it';
CREATE INDEX breakthroughs_unit_idx ON governance.breakthroughs (unit_id, year);

-- A list an assessment scores by keeps its indicators.
CREATE FUNCTION governance.indicators_frozen_in_use() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    list bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.checklist_id ELSE NEW.checklist_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM governance.assessments WHERE checklist_id = list)
       OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM governance.assessments WHERE checklist_id = OLD.checklist_id)) THEN
        RAISE EXCEPTION 'responsibility list % is in use by an assessment; add a new version to change it', list
            USING ERRCODE = 'P0001', HINT = 'governance.checklist.in_use';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER indicators_frozen_in_use BEFORE INSERT OR UPDATE OR DELETE ON governance.indicators
    FOR EACH ROW EXECUTE FUNCTION governance.indicators_frozen_in_use();

-- A published assessment is frozen with everything it was scored by, like a published
-- red/black list: later evidence, votes or list changes cannot change what was published.
CREATE FUNCTION governance.assessment_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'assessment % is published; a published year is frozen', OLD.id
            USING ERRCODE = 'P0001', HINT = 'governance.assessment.published';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER assessments_frozen BEFORE UPDATE OR DELETE ON governance.assessments
    FOR EACH ROW EXECUTE FUNCTION governance.assessment_frozen();

CREATE FUNCTION governance.assessment_part_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    assessment bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM governance.assessments WHERE id = assessment AND published_at IS NOT NULL)
       OR (TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM governance.assessments WHERE id = OLD.assessment_id AND published_at IS NOT NULL)) THEN
        RAISE EXCEPTION 'assessment % is published; a published year is frozen', assessment
            USING ERRCODE = 'P0001', HINT = 'governance.assessment.published';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER manual_scores_frozen BEFORE INSERT OR UPDATE OR DELETE ON governance.manual_scores
    FOR EACH ROW EXECUTE FUNCTION governance.assessment_part_frozen();
CREATE TRIGGER reviews_frozen BEFORE INSERT OR UPDATE OR DELETE ON governance.reviews
    FOR EACH ROW EXECUTE FUNCTION governance.assessment_part_frozen();
CREATE TRIGGER scores_frozen BEFORE INSERT OR UPDATE OR DELETE ON governance.scores
    FOR EACH ROW EXECUTE FUNCTION governance.assessment_part_frozen();

GRANT SELECT, INSERT ON governance.checklists TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON governance.indicators TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE ON governance.manual_scores, governance.reviews TO dangjian_runtime;
GRANT SELECT, INSERT, UPDATE ON governance.assessments, governance.breakthroughs TO dangjian_runtime;
GRANT SELECT, INSERT ON governance.scores TO dangjian_runtime;

-- Held to scoped callers' subtrees: an assessment by its assessor (a district its streets, a
-- street its communities and stationed units), readable too where the assessed organisation is
-- in the scope; the rest through it. Responsibility lists are shared reference data.
SELECT organizations.scope_by_path(
    'governance.assessments', 'assessor_unit_id',
    'EXISTS (SELECT 1 FROM organizations.unit_paths s WHERE s.organisation_id = unit_id '
    || 'AND coalesce(s.organisation_path OPERATOR(public.~) (SELECT organizations.scope_query()), false))');
SELECT organizations.scope_by_path_through('governance.manual_scores', 'assessment_id', 'governance.assessments');
SELECT organizations.scope_by_path_through('governance.scores', 'assessment_id', 'governance.assessments');
SELECT organizations.scope_by_path_through('governance.reviews', 'assessment_id', 'governance.assessments');
SELECT organizations.scope_by_path_through('governance.breakthroughs', 'assessment_id', 'governance.assessments');
