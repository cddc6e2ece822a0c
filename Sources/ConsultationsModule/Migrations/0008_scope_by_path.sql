-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0007, checked in place. Actions (a topic's, or an organisation's own) and their
-- notes keep 0007's policies.
-- The append-only histories let the copy follow a moved organisation, nothing else.
SELECT organizations.scope_by_path('consultations.topics', 'community_id');
SELECT organizations.scope_by_path_through('consultations.topic_events', 'topic_id', 'consultations.topics');
SELECT organizations.let_path_pass_guard('consultations.topic_events', 'topic_events_append_only');
SELECT organizations.scope_by_path('consultations.sessions', 'unit_id');
SELECT organizations.scope_by_path_through('consultations.session_topics', 'session_id', 'consultations.sessions');
SELECT organizations.scope_by_path_through('consultations.participants', 'session_id', 'consultations.sessions');
SELECT organizations.scope_by_path_through('consultations.replies', 'topic_id', 'consultations.topics');
SELECT organizations.let_path_pass_guard('consultations.replies', 'replies_append_only');
SELECT organizations.scope_by_path('consultations.teams', 'unit_id');
SELECT organizations.scope_by_path_through('consultations.volunteers', 'team_id', 'consultations.teams');
SELECT organizations.scope_by_path('consultations.orders', 'community_id');
SELECT organizations.scope_by_path_through('consultations.order_events', 'order_id', 'consultations.orders');
SELECT organizations.let_path_pass_guard('consultations.order_events', 'order_events_append_only');
