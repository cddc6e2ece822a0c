-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0007, checked in place. Action items keep a rule of their own (restated below), and
-- their notes follow them.
-- Their guards (status machines, closed sessions, append-only histories) let the copy through.
SELECT organizations.scope_by_path('consultations.topics', 'community_id');
SELECT organizations.scope_by_path_through('consultations.topic_events', 'topic_id', 'consultations.topics');
SELECT organizations.scope_by_path('consultations.sessions', 'unit_id');
SELECT organizations.scope_by_path_through('consultations.session_topics', 'session_id', 'consultations.sessions');
SELECT organizations.scope_by_path_through('consultations.participants', 'session_id', 'consultations.sessions');
SELECT organizations.scope_by_path_through('consultations.replies', 'topic_id', 'consultations.topics');
SELECT organizations.scope_by_path('consultations.teams', 'unit_id');
SELECT organizations.scope_by_path_through('consultations.volunteers', 'team_id', 'consultations.teams');
SELECT organizations.scope_by_path('consultations.orders', 'community_id');
SELECT organizations.scope_by_path_through('consultations.order_events', 'order_id', 'consultations.orders');

-- An action item belongs to its topic or, without one, to its owner organisation.
DROP POLICY in_scope ON consultations.actions;
DO $policy$
BEGIN
    EXECUTE format('CREATE POLICY in_scope ON consultations.actions AS RESTRICTIVE TO dangjian_scoped USING (%s OR %s)',
        'EXISTS (SELECT 1 FROM consultations.topics p WHERE p.id = topic_id)', organizations.in_scope_condition('owner_unit_id'));
END
$policy$;
