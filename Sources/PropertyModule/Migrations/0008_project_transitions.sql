-- A claimed Party-building service project moves only along property.project_transitions,
-- like complaints: the daemon reads the table at start to answer a refused move with what is
-- allowed, and a trigger refuses any other change of status, whoever writes it.
--
-- claimed 已认领 → in_progress 推进中 → completed 已完成; a project not finished may be
-- abandoned 已放弃 (with the reason as its outcome). A claimed project may also be completed
-- at once (a small project done in a day).
CREATE TABLE property.project_transitions (
    from_status text NOT NULL,
    action      text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, action)
);
INSERT INTO property.project_transitions (from_status, action, to_status) VALUES
    ('claimed',     'start',    'in_progress'),
    ('claimed',     'complete', 'completed'),
    ('claimed',     'abandon',  'abandoned'),
    ('in_progress', 'complete', 'completed'),
    ('in_progress', 'abandon',  'abandoned');

CREATE FUNCTION property.projects_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT EXISTS (SELECT 1 FROM property.project_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        SELECT string_agg(DISTINCT to_status, ', ') INTO allowed FROM property.project_transitions WHERE from_status = OLD.status;
        RAISE EXCEPTION 'project % is %; it can move to %', OLD.id, OLD.status, coalesce(allowed, 'nothing: it is finished')
            USING ERRCODE = 'P0001', HINT = 'property.project.transition_not_allowed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER projects_check_transition
    BEFORE UPDATE OF status ON property.projects
    FOR EACH ROW EXECUTE FUNCTION property.projects_check_transition();

-- A status machine is reference data the migrations fill: the daemon only reads it.
GRANT SELECT ON property.project_transitions TO dangjian_runtime;
