-- One trigger function for the status machines: a module's table whose status moves only
-- along a transitions table (from_status, action, to_status) uses it as
--
--     CREATE TRIGGER things_check_transition BEFORE UPDATE OF status ON <id>.things
--         FOR EACH ROW EXECUTE FUNCTION workbench.refuse_unlisted_transition(
--             '<id>.thing_transitions', '<id>.thing.transition_not_allowed', 'thing');
--
-- and any change of status the table does not list is refused, whoever writes it, naming what
-- the row's status allows. The arguments are the transitions table, the error code the reply
-- carries and what the row is called in the message; the table needs a bigint id column.
CREATE FUNCTION workbench.refuse_unlisted_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    listed  boolean;
    allowed text;
BEGIN
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    EXECUTE format(
        'SELECT EXISTS (SELECT 1 FROM %1$s WHERE from_status = $1 AND to_status = $2), '
        '(SELECT string_agg(DISTINCT to_status, '', '' ORDER BY to_status) FROM %1$s WHERE from_status = $1)',
        TG_ARGV[0]::regclass)
        INTO listed, allowed USING OLD.status, NEW.status;
    IF NOT listed THEN
        RAISE EXCEPTION '% % is %; it cannot become % (%)', TG_ARGV[2], OLD.id, OLD.status, NEW.status,
                        coalesce('allowed: ' || allowed, 'it is final')
            USING ERRCODE = 'P0001', HINT = TG_ARGV[1];
    END IF;
    RETURN NEW;
END;
$$;
