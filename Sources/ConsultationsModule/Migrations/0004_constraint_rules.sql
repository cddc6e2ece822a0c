-- What each rule of this module's tables means to an operator: when a change breaks one, the
-- daemon answers with the comment's message, naming the argument before the colon ('-' for a
-- rule about a record's state rather than one value). See ConstraintRule in WorkbenchKit.
COMMENT ON CONSTRAINT action_notes_note_length ON consultations.action_notes IS
    'note: an action note''s note is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT action_notes_progress_range ON consultations.action_notes IS
    'progress: an action note''s progress is from 0 to 100';
COMMENT ON CONSTRAINT actions_done_complete ON consultations.actions IS
    'progress: an action marked done is at 100 % progress';
COMMENT ON CONSTRAINT actions_done_when ON consultations.actions IS
    '-: a done action records when it was done, and only a done one';
COMMENT ON CONSTRAINT actions_drop_reason_length ON consultations.actions IS
    'reason: an action''s drop reason is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT actions_dropped_with_reason ON consultations.actions IS
    'reason: a dropped action states why it was dropped; no other action has a drop reason';
COMMENT ON CONSTRAINT actions_finished_when ON consultations.actions IS
    '-: a finished action records when it finished; an open one does not';
COMMENT ON CONSTRAINT actions_one_owner ON consultations.actions IS
    '-: an action has one owner: an organisation or a named party, not both';
COMMENT ON CONSTRAINT actions_owner_party_length ON consultations.actions IS
    'party: an action''s owner party is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT actions_progress_range ON consultations.actions IS
    'progress: an action''s progress is from 0 to 100';
COMMENT ON CONSTRAINT actions_status_known ON consultations.actions IS
    'status: an action''s status is one of open, done, dropped';
COMMENT ON CONSTRAINT actions_title_length ON consultations.actions IS
    'title: an action''s title is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_accepted_by_someone ON consultations.orders IS
    '-: an accepted order records who accepted it and when, together';
COMMENT ON CONSTRAINT orders_address_length ON consultations.orders IS
    'address: an order''s address is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_cancel_reason_length ON consultations.orders IS
    'reason: an order''s cancel reason is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_cancelled_with_reason ON consultations.orders IS
    'reason: a cancelled order states when and why it was cancelled; no other order does';
COMMENT ON CONSTRAINT orders_category_length ON consultations.orders IS
    'category: an order''s category is 1 to 20 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_claimed_by_someone ON consultations.orders IS
    '-: a claimed order records who claimed it and when, together';
COMMENT ON CONSTRAINT orders_dispatched_to_team ON consultations.orders IS
    '-: a dispatched order records its team and when, together';
COMMENT ON CONSTRAINT orders_done_with_hours ON consultations.orders IS
    'hours: a done order records its service hours, and only a done one';
COMMENT ON CONSTRAINT orders_hours_range ON consultations.orders IS
    'hours: an order''s hours are more than 0 and at most 24';
COMMENT ON CONSTRAINT orders_kind_known ON consultations.orders IS
    'kind: an order''s kind is one of service, wish';
COMMENT ON CONSTRAINT orders_need_length ON consultations.orders IS
    'need: an order''s need is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_rated_with_rating ON consultations.orders IS
    'rating: a rated order records its rating and when, together';
COMMENT ON CONSTRAINT orders_rating_comment_length ON consultations.orders IS
    'comment: an order''s rating comment is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_rating_range ON consultations.orders IS
    'rating: an order''s rating is from 1 to 5';
COMMENT ON CONSTRAINT orders_resident_length ON consultations.orders IS
    'resident: an order''s resident is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT orders_resident_phone_form ON consultations.orders IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT orders_status_known ON consultations.orders IS
    'status: an order''s status is one of placed, dispatched, accepted, claimed, done, rated, cancelled';
COMMENT ON CONSTRAINT participants_name_length ON consultations.participants IS
    'name: a participant''s name is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT participants_party_known ON consultations.participants IS
    'party: a participant''s party is one of community_party, residents_committee, resident_unit, owners_committee, property_company, resident';
COMMENT ON CONSTRAINT participants_role_known ON consultations.participants IS
    'role: a participant''s role is one of convener, stakeholder, coordinator, observer';
COMMENT ON CONSTRAINT replies_channel_length ON consultations.replies IS
    'channel: a reply''s channel is 1 to 30 characters (Unicode code points)';
COMMENT ON CONSTRAINT replies_kind_known ON consultations.replies IS
    'kind: a reply''s kind is one of review, session';
COMMENT ON CONSTRAINT replies_session_kind ON consultations.replies IS
    'session: a reply of kind session names its session, and only such a reply does';
COMMENT ON CONSTRAINT replies_text_length ON consultations.replies IS
    'text: a reply''s text is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT session_topics_abstain_range ON consultations.session_topics IS
    'abstain: a session topic''s votes abstain is never negative';
COMMENT ON CONSTRAINT session_topics_against_range ON consultations.session_topics IS
    'against: a session topic''s votes against is never negative';
COMMENT ON CONSTRAINT session_topics_for_range ON consultations.session_topics IS
    'for: a session topic''s votes for is never negative';
COMMENT ON CONSTRAINT session_topics_resolution_length ON consultations.session_topics IS
    'resolution: a session topic''s resolution is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT session_topics_vote_whole ON consultations.session_topics IS
    '-: a vote records the votes for, against and abstaining and the resolution, all together';
COMMENT ON CONSTRAINT session_topics_votes_cast ON consultations.session_topics IS
    'for: a vote has at least one vote cast (for + against + abstain > 0)';
COMMENT ON CONSTRAINT sessions_cancel_reason_length ON consultations.sessions IS
    'reason: a session''s cancel reason is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT sessions_cancelled_with_reason ON consultations.sessions IS
    'reason: a cancelled session states when and why it was cancelled; no other session does';
COMMENT ON CONSTRAINT sessions_closed_when ON consultations.sessions IS
    '-: a closed session records when it closed, and only a closed one';
COMMENT ON CONSTRAINT sessions_minutes_length ON consultations.sessions IS
    '-: a session''s minutes is 1 to 20000 characters (Unicode code points)';
COMMENT ON CONSTRAINT sessions_notice_place_length ON consultations.sessions IS
    'place: a session''s notice place is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT sessions_notice_with_place ON consultations.sessions IS
    'place: a posted notice names the day and the place it was posted, together';
COMMENT ON CONSTRAINT sessions_status_known ON consultations.sessions IS
    'status: a session''s status is one of scheduled, closed, cancelled';
COMMENT ON CONSTRAINT sessions_title_length ON consultations.sessions IS
    'title: a session''s title is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT sessions_venue_length ON consultations.sessions IS
    'venue: a session''s venue is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT teams_code_form ON consultations.teams IS
    'code: a team code starts with a letter and has at most 32 letters, digits, ''_'' or ''-'', such as ZYD01';
COMMENT ON CONSTRAINT teams_name_length ON consultations.teams IS
    'name: a team''s name is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT topic_events_detail_length ON consultations.topic_events IS
    '-: a topic event''s detail is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT topic_events_kind_length ON consultations.topic_events IS
    'kind: a topic event''s kind is 1 to 30 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_case_code_with_id ON consultations.topics IS
    '-: a topic''s grid case is recorded by id and code together, or not at all';
COMMENT ON CONSTRAINT topics_case_only_from_grids ON consultations.topics IS
    'case: only a topic whose source is grid names a grid case';
COMMENT ON CONSTRAINT topics_category_length ON consultations.topics IS
    'category: a topic''s category is 1 to 20 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_decline_reason_length ON consultations.topics IS
    'reason: a topic''s decline reason is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_declined_with_reason ON consultations.topics IS
    'reason: a declined topic states why; no other topic has a decline reason';
COMMENT ON CONSTRAINT topics_description_length ON consultations.topics IS
    'description: a topic''s description is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_proposer_length ON consultations.topics IS
    'proposer: a topic''s proposer is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_proposer_phone_form ON consultations.topics IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT topics_settled_when ON consultations.topics IS
    '-: a settled topic records when it was settled, and only a settled one';
COMMENT ON CONSTRAINT topics_source_known ON consultations.topics IS
    'source: a topic''s source is one of resident, assigned, grid, suggestion';
COMMENT ON CONSTRAINT topics_status_known ON consultations.topics IS
    'status: a topic''s status is one of proposed, accepted, declined, withdrawn, scheduled, implementing, settled';
COMMENT ON CONSTRAINT topics_title_length ON consultations.topics IS
    'title: a topic''s title is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_withdraw_reason_length ON consultations.topics IS
    'reason: a topic''s withdraw reason is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT topics_withdrawn_with_reason ON consultations.topics IS
    'reason: a withdrawn topic states why; no other topic has a withdraw reason';
COMMENT ON CONSTRAINT volunteers_name_length ON consultations.volunteers IS
    'name: a volunteer''s name is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT volunteers_phone_form ON consultations.volunteers IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
