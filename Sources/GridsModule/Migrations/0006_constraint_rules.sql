-- What each rule of this module's tables means to an operator: when a change breaks one, the
-- daemon answers with the comment's message, naming the argument before the colon ('-' for a
-- rule about a record's state rather than one value). See ConstraintRule in WorkbenchKit.
COMMENT ON CONSTRAINT assignments_person_length ON grids.assignments IS
    'person: an assignment''s person is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT assignments_phone_form ON grids.assignments IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT assignments_role_known ON grids.assignments IS
    'role: an assignment''s role is one of worker, cadre';
COMMENT ON CONSTRAINT assignments_work_unit_length ON grids.assignments IS
    'work_unit: an assignment''s work unit is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT case_events_kind_known ON grids.case_events IS
    '-: a case event''s kind is one of reported, accepted, started, escalated, assigned, resolved, confirmed, reopened, cancelled, warning, overdue, note';
COMMENT ON CONSTRAINT case_events_note_length ON grids.case_events IS
    'note: a case event''s note is at most 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT cases_assignee_length ON grids.cases IS
    'to: a case''s assignee is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT cases_cancel_reason ON grids.cases IS
    'reason: a cancelled case states why it was cancelled; no other case has a cancel reason';
COMMENT ON CONSTRAINT cases_category_length ON grids.cases IS
    'category: a case''s category is 1 to 20 characters (Unicode code points)';
COMMENT ON CONSTRAINT cases_clock_order ON grids.cases IS
    '-: a case''s clock starts before its warning and its warning comes no later than its deadline';
COMMENT ON CONSTRAINT cases_clock_while_open ON grids.cases IS
    '-: an open case has a running deadline clock and a closed one has none';
COMMENT ON CONSTRAINT cases_code_key ON grids.cases IS
    '-: another case already has this code; try again';
COMMENT ON CONSTRAINT cases_department_length ON grids.cases IS
    'department: a case''s department is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT cases_department_named ON grids.cases IS
    'department: a case at the department level names its department, and only such a case does';
COMMENT ON CONSTRAINT cases_description_length ON grids.cases IS
    'description: a case''s description is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT cases_latitude_range ON grids.cases IS
    'lat: a case''s latitude is from -90 to 90';
COMMENT ON CONSTRAINT cases_level_known ON grids.cases IS
    'level: a case''s level is one of complex, community, street, department';
COMMENT ON CONSTRAINT cases_location_whole ON grids.cases IS
    'lat: give lat and lon together, or neither';
COMMENT ON CONSTRAINT cases_longitude_range ON grids.cases IS
    'lon: a case''s longitude is from -180 to 180';
COMMENT ON CONSTRAINT cases_reporter_length ON grids.cases IS
    'reporter: a case''s reporter is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT cases_source_known ON grids.cases IS
    'source: a case''s source is one of patrol, resident, hotline, other';
COMMENT ON CONSTRAINT cases_start_level_known ON grids.cases IS
    'level: a case''s start level is one of complex, community, street, department';
COMMENT ON CONSTRAINT cases_status_known ON grids.cases IS
    'status: a case''s status is one of reported, accepted, in_progress, resolved, closed, cancelled';
COMMENT ON CONSTRAINT cases_urgency_known ON grids.cases IS
    'urgency: a case''s urgency is one of normal, urgent';
COMMENT ON CONSTRAINT grids_centroid_whole ON grids.grids IS
    'lat: give lat and lon together, or neither';
COMMENT ON CONSTRAINT grids_code_form ON grids.grids IS
    'code: a grid code starts with a letter and has at most 32 letters, digits, ''.'', ''_'' or ''-'', such as WG001';
COMMENT ON CONSTRAINT grids_households_nonnegative ON grids.grids IS
    'households: a grid''s households is never negative';
COMMENT ON CONSTRAINT grids_latitude_range ON grids.grids IS
    'lat: a grid''s latitude is from -90 to 90';
COMMENT ON CONSTRAINT grids_level_known ON grids.grids IS
    'level: a grid''s level is one of level1, level2, basic';
COMMENT ON CONSTRAINT grids_longitude_range ON grids.grids IS
    'lon: a grid''s longitude is from -180 to 180';
COMMENT ON CONSTRAINT grids_name_length ON grids.grids IS
    'name: a grid''s name is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT household_visits_needs_length ON grids.household_visits IS
    'needs: a household visit''s needs is 1 to 1000 characters (Unicode code points)';
COMMENT ON CONSTRAINT household_visits_note_length ON grids.household_visits IS
    'note: a household visit''s note is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT household_visits_visitor_length ON grids.household_visits IS
    'visitor: a household visit''s visitor is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT households_address_length ON grids.households IS
    'address: a household''s address is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT households_head_name_length ON grids.households IS
    'head: a household''s head name is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT households_head_phone_form ON grids.households IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT households_note_length ON grids.households IS
    'note: a household''s note is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT households_size_range ON grids.households IS
    'size: a household''s size is from 1 to 50';
COMMENT ON CONSTRAINT households_tags_count ON grids.households IS
    'tags: a household has at most 20 tags';
COMMENT ON CONSTRAINT patrols_cases_found_nonnegative ON grids.patrols IS
    'found: a patrol''s cases found is never negative';
COMMENT ON CONSTRAINT patrols_note_length ON grids.patrols IS
    'note: a patrol''s note is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT patrols_worker_length ON grids.patrols IS
    'worker: a patrol''s worker is 1 to 50 characters (Unicode code points)';
