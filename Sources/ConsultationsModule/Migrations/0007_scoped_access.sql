-- Organisation-scoped access for consultations (see organizations' 0014): a topic and an order
-- belong to their community, a session and a volunteer team to the organisation holding it;
-- events, agendas, participants, replies, volunteers and notes follow them. An action item is
-- seen from its topic's side and from the side of the organisation that owns it.
ALTER TABLE consultations.topics ENABLE ROW LEVEL SECURITY;
CREATE POLICY topics_in_scope ON consultations.topics USING (organizations.unit_in_scope(community_id));

ALTER TABLE consultations.topic_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY topic_events_follow_topic ON consultations.topic_events
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.topics t WHERE t.id = topic_id));

ALTER TABLE consultations.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_in_scope ON consultations.sessions USING (organizations.unit_in_scope(unit_id));

ALTER TABLE consultations.session_topics ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_topics_follow_session ON consultations.session_topics
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.sessions s WHERE s.id = session_id));

ALTER TABLE consultations.participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY participants_follow_session ON consultations.participants
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.sessions s WHERE s.id = session_id));

ALTER TABLE consultations.replies ENABLE ROW LEVEL SECURITY;
CREATE POLICY replies_follow_topic ON consultations.replies USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.topics t WHERE t.id = topic_id));

ALTER TABLE consultations.actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY actions_either_side ON consultations.actions
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.topics t WHERE t.id = topic_id) OR organizations.unit_in_scope(owner_unit_id));

ALTER TABLE consultations.action_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY action_notes_follow_action ON consultations.action_notes
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.actions a WHERE a.id = action_id));

ALTER TABLE consultations.teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY teams_in_scope ON consultations.teams USING (organizations.unit_in_scope(unit_id));

ALTER TABLE consultations.volunteers ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteers_follow_team ON consultations.volunteers USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.teams t WHERE t.id = team_id));

ALTER TABLE consultations.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_in_scope ON consultations.orders USING (organizations.unit_in_scope(community_id));

ALTER TABLE consultations.order_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_events_follow_order ON consultations.order_events
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM consultations.orders o WHERE o.id = order_id));
