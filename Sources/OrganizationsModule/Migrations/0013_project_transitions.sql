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

CREATE FUNCTION organizations.projects_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    allowed text;
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT EXISTS (SELECT 1 FROM organizations.project_transitions WHERE from_status = OLD.status AND to_status = NEW.status) THEN
        SELECT string_agg(DISTINCT to_status, ', ') INTO allowed FROM organizations.project_transitions WHERE from_status = OLD.status;
        RAISE EXCEPTION 'project % is %; it cannot become % (%)', OLD.id, OLD.status, NEW.status,
                        coalesce('allowed: ' || allowed, 'it is final')
            USING ERRCODE = 'P0001', HINT = 'organizations.project.transition_not_allowed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER projects_check_transition
    BEFORE UPDATE OF status ON organizations.projects
    FOR EACH ROW EXECUTE FUNCTION organizations.projects_check_transition();

-- A status machine is reference data the migrations fill: the daemon only reads it.
GRANT SELECT ON organizations.project_transitions TO dangjian_runtime;
