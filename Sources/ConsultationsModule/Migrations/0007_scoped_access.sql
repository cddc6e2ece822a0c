-- Organisation-scoped access for consultations (see organizations' 0014): a topic and an order
-- belong to their community, a session and a volunteer team to the organisation holding it;
-- events, agendas, participants, replies, volunteers and notes follow them. An action item is
-- seen from its topic's side and from the side of the organisation that owns it.
SELECT workbench.scope_table('consultations.topics', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table_through('consultations.topic_events', 'topic_id', 'consultations.topics');
SELECT workbench.scope_table('consultations.sessions', organizations.in_scope_condition('unit_id'));
SELECT workbench.scope_table_through('consultations.session_topics', 'session_id', 'consultations.sessions');
SELECT workbench.scope_table_through('consultations.participants', 'session_id', 'consultations.sessions');
SELECT workbench.scope_table_through('consultations.replies', 'topic_id', 'consultations.topics');
SELECT workbench.scope_table('consultations.actions',
    'EXISTS (SELECT 1 FROM consultations.topics p WHERE p.id = topic_id) OR ' || organizations.in_scope_condition('owner_unit_id'));
SELECT workbench.scope_table_through('consultations.action_notes', 'action_id', 'consultations.actions');
SELECT workbench.scope_table('consultations.teams', organizations.in_scope_condition('unit_id'));
SELECT workbench.scope_table_through('consultations.volunteers', 'team_id', 'consultations.teams');
SELECT workbench.scope_table('consultations.orders', organizations.in_scope_condition('community_id'));
SELECT workbench.scope_table_through('consultations.order_events', 'order_id', 'consultations.orders');
