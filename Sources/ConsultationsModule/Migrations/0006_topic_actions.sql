-- Each move of a topic gets the name of the step that makes it, like the other status
-- machines (grids.case_transitions, consultations.order_transitions): the daemon reads the
-- table at start and checks each step against it, and the trigger keeps refusing any move the
-- table does not list, whoever writes it.
ALTER TABLE consultations.topic_transitions ADD COLUMN action text;
UPDATE consultations.topic_transitions SET action = CASE
    WHEN from_status = 'proposed' AND to_status = 'accepted'               THEN 'accept'     -- review accepts it for deliberation
    WHEN from_status = 'proposed' AND to_status = 'declined'               THEN 'decline'    -- review declines it, with the reason
    WHEN from_status = 'proposed' AND to_status = 'withdrawn'              THEN 'withdraw'
    WHEN from_status = 'accepted' AND to_status = 'withdrawn'              THEN 'withdraw'
    WHEN from_status = 'accepted' AND to_status = 'scheduled'              THEN 'schedule'   -- put on a session's agenda
    WHEN from_status = 'scheduled' AND to_status = 'accepted'              THEN 'return'     -- the session was cancelled, or did not adopt it
    WHEN from_status = 'scheduled' AND to_status = 'implementing'          THEN 'implement'  -- the session closed with an adopted resolution
    WHEN from_status = 'implementing' AND to_status = 'settled'            THEN 'settle'     -- every action done or dropped with a reason
END;
ALTER TABLE consultations.topic_transitions ALTER COLUMN action SET NOT NULL;
-- One move per step from each status (reference data: an index, no operator ever meets it).
CREATE UNIQUE INDEX topic_transitions_action_idx ON consultations.topic_transitions (from_status, action);
