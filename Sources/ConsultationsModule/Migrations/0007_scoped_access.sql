-- Organisation-scoped access for consultations (see organizations' 0014): a topic and an order
-- belong to their community, a session and a volunteer team to the organisation holding it;
-- events, agendas, participants, replies, volunteers and notes follow them. An action item is
-- seen from its topic's side and from the side of the organisation that owns it.
ALTER TABLE consultations.topics ENABLE ROW LEVEL SECURITY;
CREATE POLICY topics_all ON consultations.topics USING (true);
CREATE POLICY topics_in_scope ON consultations.topics AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE consultations.topic_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY topic_events_all ON consultations.topic_events USING (true);
CREATE POLICY topic_events_follow_topic ON consultations.topic_events AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.topics p WHERE p.id = topic_id));

ALTER TABLE consultations.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY sessions_all ON consultations.sessions USING (true);
CREATE POLICY sessions_in_scope ON consultations.sessions AS RESTRICTIVE TO dangjian_scoped
    USING (unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE consultations.session_topics ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_topics_all ON consultations.session_topics USING (true);
CREATE POLICY session_topics_follow_session ON consultations.session_topics AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.sessions p WHERE p.id = session_id));

ALTER TABLE consultations.participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY participants_all ON consultations.participants USING (true);
CREATE POLICY participants_follow_session ON consultations.participants AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.sessions p WHERE p.id = session_id));

ALTER TABLE consultations.replies ENABLE ROW LEVEL SECURITY;
CREATE POLICY replies_all ON consultations.replies USING (true);
CREATE POLICY replies_follow_topic ON consultations.replies AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.topics p WHERE p.id = topic_id));

ALTER TABLE consultations.actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY actions_all ON consultations.actions USING (true);
CREATE POLICY actions_either_side ON consultations.actions AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.topics p WHERE p.id = topic_id) OR owner_unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE consultations.action_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY action_notes_all ON consultations.action_notes USING (true);
CREATE POLICY action_notes_follow_action ON consultations.action_notes AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.actions p WHERE p.id = action_id));

ALTER TABLE consultations.teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY teams_all ON consultations.teams USING (true);
CREATE POLICY teams_in_scope ON consultations.teams AS RESTRICTIVE TO dangjian_scoped
    USING (unit_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE consultations.volunteers ENABLE ROW LEVEL SECURITY;
CREATE POLICY volunteers_all ON consultations.volunteers USING (true);
CREATE POLICY volunteers_follow_team ON consultations.volunteers AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.teams p WHERE p.id = team_id));

ALTER TABLE consultations.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_all ON consultations.orders USING (true);
CREATE POLICY orders_in_scope ON consultations.orders AS RESTRICTIVE TO dangjian_scoped
    USING (community_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE consultations.order_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_events_all ON consultations.order_events USING (true);
CREATE POLICY order_events_follow_order ON consultations.order_events AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM consultations.orders p WHERE p.id = order_id));
