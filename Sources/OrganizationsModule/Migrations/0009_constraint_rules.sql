-- What each rule of this module's tables means to an operator: when a change breaks one, the
-- daemon answers with the comment's message, naming the argument before the colon ('-' for a
-- rule about a record's state rather than one value). See ConstraintRule in WorkbenchKit.
COMMENT ON CONSTRAINT member_transfers_moves ON organizations.member_transfers IS
    'to: a transfer moves a member to another organisation than the one they belong to';
COMMENT ON CONSTRAINT member_transfers_reason_length ON organizations.member_transfers IS
    'reason: a member transfer''s reason is at most 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT members_leave_reason_known ON organizations.members IS
    'reason: a member''s leave reason is one of transferred_out, deceased, expelled, withdrew, other';
COMMENT ON CONSTRAINT members_left_after_joining ON organizations.members IS
    'on: a member leaves on or after the day they joined';
COMMENT ON CONSTRAINT members_left_with_reason ON organizations.members IS
    '-: a member who has left has a leaving day and a reason; a member on the rolls has neither';
COMMENT ON CONSTRAINT members_name_length ON organizations.members IS
    'name: a member''s name is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT members_phone_form ON organizations.members IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT members_status_known ON organizations.members IS
    'status: a member''s status is one of formal, probationary';
COMMENT ON CONSTRAINT members_work_unit_length ON organizations.members IS
    'work_unit: a member''s work unit is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT pairs_commitment_length ON organizations.pairs IS
    'commitment: a pair''s commitment is at most 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT pairs_ended_after_since ON organizations.pairs IS
    'on: a co-building pair (结对共建) ends on or after the day it began';
COMMENT ON CONSTRAINT points_category_length ON organizations.points IS
    'category: a point''s category is 1 to 30 characters (Unicode code points)';
COMMENT ON CONSTRAINT points_range ON organizations.points IS
    'points: an entry of vanguard points is from -100 to 100 and not 0';
COMMENT ON CONSTRAINT points_reason_length ON organizations.points IS
    'reason: a point''s reason is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT projects_category_length ON organizations.projects IS
    'category: a project''s category is 1 to 30 characters (Unicode code points)';
COMMENT ON CONSTRAINT projects_done_has_outcome ON organizations.projects IS
    'outcome: a project marked done states its outcome';
COMMENT ON CONSTRAINT projects_outcome_length ON organizations.projects IS
    'outcome: a project''s outcome is at most 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT projects_status_known ON organizations.projects IS
    'status: a project''s status is one of planned, in_progress, done, cancelled';
COMMENT ON CONSTRAINT projects_title_length ON organizations.projects IS
    'title: a project''s title is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT reports_ended_after_reported ON organizations.reports IS
    'on: a double report (双报到) ends on or after the day it was made';
COMMENT ON CONSTRAINT reports_note_length ON organizations.reports IS
    'note: a report''s note is at most 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT reports_one_reporter ON organizations.reports IS
    '-: a double report (双报到) is made by one resident unit or one member, not both';
COMMENT ON CONSTRAINT seats_ended_in_term ON organizations.seats IS
    'on: a part-time committee seat (兼职委员) ends on or after the start of its term';
COMMENT ON CONSTRAINT seats_person_length ON organizations.seats IS
    'person: a seat''s person is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT seats_term_order ON organizations.seats IS
    'term_end: a term ends after it starts';
COMMENT ON CONSTRAINT seats_title_length ON organizations.seats IS
    'title: a seat''s title is 1 to 30 characters (Unicode code points)';
COMMENT ON CONSTRAINT service_hours_activity_length ON organizations.service_hours IS
    'activity: a service-hours entry''s activity is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT service_hours_range ON organizations.service_hours IS
    'hours: a service-hours entry''s hours are more than 0 and at most 24';
COMMENT ON CONSTRAINT units_code_form ON organizations.units IS
    'code: an organisation code starts with a letter and has at most 32 letters, digits, ''.'', ''_'' or ''-'', such as SZ01';
COMMENT ON CONSTRAINT units_kind_known ON organizations.units IS
    'kind: an unit''s kind is one of city, district, street, community, grid_branch, building_group, regional, industry, resident_unit, two_new, joint, network_branch, branch';
COMMENT ON CONSTRAINT units_name_length ON organizations.units IS
    'name: an unit''s name is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT units_not_own_parent ON organizations.units IS
    '-: an organisation cannot be its own parent';
COMMENT ON CONSTRAINT units_path_ends_with_id ON organizations.units IS
    '-: an organisation''s place in the tree ends with itself';
COMMENT ON CONSTRAINT units_phone_form ON organizations.units IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT units_secretary_length ON organizations.units IS
    'secretary: an unit''s secretary is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT units_subtype_known ON organizations.units IS
    'subtype: an unit''s subtype is one of office_building, park, business_district';
COMMENT ON CONSTRAINT units_subtype_only_regional ON organizations.units IS
    'subtype: a subtype is given for a regional Party organisation, and only for one';
COMMENT ON CONSTRAINT venue_activities_title_length ON organizations.venue_activities IS
    'title: a venue activitie''s title is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT venue_covers_ended_after_since ON organizations.venue_covers IS
    'on: a venue''s cover ends on or after the day it began';
COMMENT ON CONSTRAINT venues_address_length ON organizations.venues IS
    'address: a venue''s address is at most 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT venues_employees_range ON organizations.venues IS
    'employees: a venue''s employees is never negative';
COMMENT ON CONSTRAINT venues_kind_known ON organizations.venues IS
    'kind: a venue''s kind is one of office_building, park, market, firm';
COMMENT ON CONSTRAINT venues_members_range ON organizations.venues IS
    'members: a venue''s members is never negative';
COMMENT ON CONSTRAINT venues_name_length ON organizations.venues IS
    'name: a venue''s name is 1 to 100 characters (Unicode code points)';
