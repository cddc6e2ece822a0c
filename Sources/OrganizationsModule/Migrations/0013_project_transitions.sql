-- A co-building project 共建项目 moves only along organizations.project_transitions: the
-- daemon reads the table at start to answer a refused move with what is allowed, and a
-- trigger refuses any other change of status, whoever writes it.
--
-- planned 计划 → in_progress 推进中 → done 已完成 (with its outcome); a project not yet done
-- may be cancelled 已取消.
CREATE TABLE organizations.project_transitions (
    from_status text NOT NULL,
    action      text NOT NULL,
    to_status   text NOT NULL,
    PRIMARY KEY (from_status, action)
);
INSERT INTO organizations.project_transitions (from_status, action, to_status) VALUES
    ('planned',     'start',  'in_progress'),
    ('planned',     'cancel', 'cancelled'),
    ('in_progress', 'finish', 'done'),
    ('in_progress', 'cancel', 'cancelled');

CREATE TRIGGER projects_check_transition
    BEFORE UPDATE OF status ON organizations.projects
    FOR EACH ROW EXECUTE FUNCTION workbench.refuse_unlisted_transition(
        'organizations.project_transitions', 'organizations.project.transition_not_allowed', 'project');

-- A status machine is reference data the migrations fill: the daemon only reads it.
GRANT SELECT ON organizations.project_transitions TO dangjian_runtime;
