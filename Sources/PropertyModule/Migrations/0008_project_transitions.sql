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

CREATE TRIGGER projects_check_transition
    BEFORE UPDATE OF status ON property.projects
    FOR EACH ROW EXECUTE FUNCTION workbench.refuse_unlisted_transition(
        'property.project_transitions', 'property.project.transition_not_allowed', 'project');

-- A status machine is reference data the migrations fill: the daemon only reads it.
GRANT SELECT ON property.project_transitions TO dangjian_runtime;
