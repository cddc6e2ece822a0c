-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0007, checked in place. Action items keep a rule of their own (restated below), and
-- their notes follow them.
-- The guards (status machines, closed sessions, append-only histories) let the copy follow a
-- moved organisation, nothing else.
SELECT organizations.scope_by_path('consultations.topics', 'community_id');
SELECT organizations.let_path_pass_guard('consultations.topics', 'topics_guard');
SELECT organizations.scope_by_path_through('consultations.topic_events', 'topic_id', 'consultations.topics');
SELECT organizations.let_path_pass_guard('consultations.topic_events', 'topic_events_append_only');
SELECT organizations.scope_by_path('consultations.sessions', 'unit_id');
SELECT organizations.let_path_pass_guard('consultations.sessions', 'sessions_guard');
SELECT organizations.scope_by_path_through('consultations.session_topics', 'session_id', 'consultations.sessions');
SELECT organizations.let_path_pass_guard('consultations.session_topics', 'session_topics_session_open');
SELECT organizations.scope_by_path_through('consultations.participants', 'session_id', 'consultations.sessions');
SELECT organizations.let_path_pass_guard('consultations.participants', 'participants_session_open');
SELECT organizations.scope_by_path_through('consultations.replies', 'topic_id', 'consultations.topics');
SELECT organizations.let_path_pass_guard('consultations.replies', 'replies_append_only');
SELECT organizations.scope_by_path('consultations.teams', 'unit_id');
SELECT organizations.scope_by_path_through('consultations.volunteers', 'team_id', 'consultations.teams');
SELECT organizations.scope_by_path('consultations.orders', 'community_id');
SELECT organizations.let_path_pass_guard('consultations.orders', 'orders_guard');
SELECT organizations.scope_by_path_through('consultations.order_events', 'order_id', 'consultations.orders');
SELECT organizations.let_path_pass_guard('consultations.order_events', 'order_events_append_only');

-- An action item belongs to its topic or, without one, to its owner organisation.
DROP POLICY in_scope ON consultations.actions;
DO $policy$
BEGIN
    EXECUTE format('CREATE POLICY in_scope ON consultations.actions AS RESTRICTIVE TO dangjian_scoped USING (%s OR %s)',
        'EXISTS (SELECT 1 FROM consultations.topics p WHERE p.id = topic_id)', organizations.in_scope_condition('owner_unit_id'));
END
$policy$;
