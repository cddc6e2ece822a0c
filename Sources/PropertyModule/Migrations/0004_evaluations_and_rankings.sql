-- Quarterly evaluations 物业服务企业评价 against a checklist of positive items 正面清单 and
-- negative items 负面清单 (15 and 6 items in the model checklist), and the quarterly red/black list 红黑榜.
--
-- The checklist is configuration with a version; the daemon records each version's items
-- here the first time it runs with it, and an evaluation pins the version it used: its
-- items reference (version, code, kind) of that version only, so an evaluation can never
-- mix checklists. Evaluations are not edited: a correction supersedes the earlier one.
--
-- A published list is a snapshot: rankings and ranking_entries refuse UPDATE and DELETE,
-- so later evaluations, complaints or checklist changes cannot change what was published.
--
-- This text corrects the comments of the one first applied:
-- amends 29ce50e832b8d2d4f8f3e7d622af3585edc3a8369e97ac1bc2680686e2b405eb
CREATE TABLE property.checklist_versions (
    version     text NOT NULL PRIMARY KEY CONSTRAINT checklist_versions_version_length CHECK (length(version) BETWEEN 1 AND 32),
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE property.checklist_items (
    version  text    NOT NULL CONSTRAINT checklist_items_version_fkey REFERENCES property.checklist_versions (version),
    code     text    NOT NULL CONSTRAINT checklist_items_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9]{0,7}$'),
    kind     text    NOT NULL CONSTRAINT checklist_items_kind_known CHECK (kind IN ('positive', 'negative')),
    weight   numeric(6, 2) NOT NULL CONSTRAINT checklist_items_weight_positive CHECK (weight > 0),
    title    text    NOT NULL CONSTRAINT checklist_items_title_length CHECK (length(title) BETWEEN 1 AND 200),
    position integer NOT NULL,
    PRIMARY KEY (version, code),
    CONSTRAINT checklist_items_kind_key UNIQUE (version, code, kind)
);

CREATE TABLE property.evaluations (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id        bigint NOT NULL CONSTRAINT evaluations_company_fkey REFERENCES property.companies (id),
    quarter           text   NOT NULL CONSTRAINT evaluations_quarter_form CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    checklist_version text   NOT NULL CONSTRAINT evaluations_version_fkey REFERENCES property.checklist_versions (version),
    evaluator         text   NOT NULL,
    note              text   CONSTRAINT evaluations_note_length CHECK (length(note) <= 2000),
    recorded_at       timestamptz NOT NULL,
    superseded_at     timestamptz,
    -- Deferred: a revision marks the standing evaluation superseded before the new one is inserted.
    superseded_by     bigint CONSTRAINT evaluations_superseded_by_fkey REFERENCES property.evaluations (id) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT evaluations_version_key UNIQUE (id, checklist_version),
    CONSTRAINT evaluations_superseded_whole CHECK ((superseded_at IS NULL) = (superseded_by IS NULL))
);

-- One standing evaluation per company and quarter.
CREATE UNIQUE INDEX evaluations_standing_key ON property.evaluations (company_id, quarter) WHERE superseded_at IS NULL;
CREATE INDEX evaluations_quarter_idx ON property.evaluations (quarter, company_id) WHERE superseded_at IS NULL;

CREATE FUNCTION property.evaluations_only_superseded() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.superseded_at IS NOT NULL
       OR (NEW.company_id, NEW.quarter, NEW.checklist_version, NEW.evaluator, NEW.note, NEW.recorded_at)
          IS DISTINCT FROM (OLD.company_id, OLD.quarter, OLD.checklist_version, OLD.evaluator, OLD.note, OLD.recorded_at) THEN
        RAISE EXCEPTION 'an evaluation is not edited; record a new one with revise=true, which supersedes it'
            USING ERRCODE = 'P0001', HINT = 'property.evaluation.immutable';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER evaluations_only_superseded
    BEFORE UPDATE OR DELETE ON property.evaluations
    FOR EACH ROW EXECUTE FUNCTION property.evaluations_only_superseded();

-- Every item of the pinned checklist, with its outcome: a positive item met or not, a
-- negative item violated or clear.
CREATE TABLE property.evaluation_items (
    evaluation_id     bigint NOT NULL,
    checklist_version text   NOT NULL,
    item_code         text   NOT NULL,
    kind              text   NOT NULL,
    outcome           text   NOT NULL,
    evidence          text   CONSTRAINT evaluation_items_evidence_length CHECK (length(evidence) <= 500),
    PRIMARY KEY (evaluation_id, item_code),
    CONSTRAINT evaluation_items_evaluation_fkey FOREIGN KEY (evaluation_id, checklist_version)
        REFERENCES property.evaluations (id, checklist_version),
    CONSTRAINT evaluation_items_item_fkey FOREIGN KEY (checklist_version, item_code, kind)
        REFERENCES property.checklist_items (version, code, kind),
    CONSTRAINT evaluation_items_outcome_fits_kind CHECK (
        (kind = 'positive' AND outcome IN ('met', 'not_met')) OR (kind = 'negative' AND outcome IN ('violated', 'clear')))
);

CREATE TRIGGER evaluation_items_append_only
    BEFORE UPDATE OR DELETE ON property.evaluation_items
    FOR EACH ROW EXECUTE FUNCTION property.append_only();

CREATE TRIGGER checklist_items_append_only
    BEFORE UPDATE OR DELETE ON property.checklist_items
    FOR EACH ROW EXECUTE FUNCTION property.append_only();

-- A published red/black list: one per quarter and scope (null: every company).
CREATE TABLE property.rankings (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quarter           text   NOT NULL CONSTRAINT rankings_quarter_form CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    scope_unit_id     bigint CONSTRAINT rankings_scope_fkey REFERENCES organizations.units (id),
    -- The formula's parameters as they were: complaint weight, thresholds.
    formula           text   NOT NULL,
    published_at      timestamptz NOT NULL,
    published_by      text   NOT NULL,
    CONSTRAINT rankings_quarter_scope_key UNIQUE NULLS NOT DISTINCT (quarter, scope_unit_id)
);

CREATE TABLE property.ranking_entries (
    ranking_id         bigint  NOT NULL CONSTRAINT ranking_entries_ranking_fkey REFERENCES property.rankings (id),
    company_id         bigint  NOT NULL CONSTRAINT ranking_entries_company_fkey REFERENCES property.companies (id),
    rank               integer,
    list               text    NOT NULL CONSTRAINT ranking_entries_list_known CHECK (list IN ('red', 'black', 'middle', 'not_evaluated')),
    company_name       text    NOT NULL,
    credit_code        text    NOT NULL,
    evaluation_id      bigint  CONSTRAINT ranking_entries_evaluation_fkey REFERENCES property.evaluations (id),
    checklist_version  text,
    score              numeric(7, 2),
    checklist_score    numeric(7, 2),
    positive_points    numeric(7, 2),
    positive_total     numeric(7, 2),
    deductions         numeric(7, 2),
    met_items          text[]  NOT NULL,
    violated_items     text[]  NOT NULL,
    complaints_filed   integer NOT NULL,
    complaints_decided integer NOT NULL,
    complaints_on_time integer NOT NULL,
    complaint_score    numeric(7, 2),
    PRIMARY KEY (ranking_id, company_id)
);

CREATE FUNCTION property.ranking_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published red/black list is frozen; it cannot be changed or withdrawn'
        USING ERRCODE = 'P0001', HINT = 'property.ranking.frozen';
END;
$$;

CREATE TRIGGER rankings_frozen
    BEFORE UPDATE OR DELETE ON property.rankings
    FOR EACH ROW EXECUTE FUNCTION property.ranking_frozen();

CREATE TRIGGER ranking_entries_frozen
    BEFORE UPDATE OR DELETE ON property.ranking_entries
    FOR EACH ROW EXECUTE FUNCTION property.ranking_frozen();
