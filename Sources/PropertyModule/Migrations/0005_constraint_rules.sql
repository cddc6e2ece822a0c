-- What each rule of this module's tables means to an operator: when a change breaks one, the
-- daemon answers with the comment's message, naming the argument before the colon ('-' for a
-- rule about a record's state rather than one value). See ConstraintRule in WorkbenchKit.
COMMENT ON CONSTRAINT checklist_items_code_form ON property.checklist_items IS
    'code: a checklist item code starts with a letter and has at most 8 letters or digits, such as P1';
COMMENT ON CONSTRAINT checklist_items_kind_key ON property.checklist_items IS
    '-: this checklist version already has an item with this code and kind';
COMMENT ON CONSTRAINT checklist_items_kind_known ON property.checklist_items IS
    '-: a checklist item''s kind is one of positive, negative';
COMMENT ON CONSTRAINT checklist_items_title_length ON property.checklist_items IS
    'title: a checklist item''s title is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT checklist_items_weight_positive ON property.checklist_items IS
    '-: a checklist item''s weight is more than 0';
COMMENT ON CONSTRAINT checklist_versions_version_length ON property.checklist_versions IS
    '-: a checklist version''s version is 1 to 32 characters (Unicode code points)';
COMMENT ON CONSTRAINT companies_contact_name_length ON property.companies IS
    'contact: a company''s contact name is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT companies_contact_phone_form ON property.companies IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT companies_credit_code_valid ON property.companies IS
    'credit_code: a unified social credit code (统一社会信用代码) is 18 characters with a valid check character (GB 32100-2015)';
COMMENT ON CONSTRAINT companies_name_length ON property.companies IS
    'name: a company''s name is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT companies_stars_range ON property.companies IS
    'stars: a company''s stars is from 1 to 5';
COMMENT ON CONSTRAINT complaint_events_kind_known ON property.complaint_events IS
    '-: a complaint event''s kind is one of filed, acknowledged, resolved, closed, reopened, warning, overdue, note';
COMMENT ON CONSTRAINT complaint_events_note_length ON property.complaint_events IS
    'note: a complaint event''s note is at most 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT complaints_clock_order ON property.complaints IS
    '-: a complaint''s clock starts when it is filed, and its warning comes no later than its deadline';
COMMENT ON CONSTRAINT complaints_closed_with_verdict ON property.complaints IS
    'verdict: a closed complaint has a verdict and a closing time; an open one has neither';
COMMENT ON CONSTRAINT complaints_code_key ON property.complaints IS
    '-: another complaint already has this code; try again';
COMMENT ON CONSTRAINT complaints_complainant_length ON property.complaints IS
    'complainant: a complaint''s complainant is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT complaints_complainant_phone_form ON property.complaints IS
    'phone: a phone number is 5 to 20 characters: digits, a leading + and dashes, such as 0632-3311234 or 13800138000';
COMMENT ON CONSTRAINT complaints_deadline_amount_positive ON property.complaints IS
    '-: a complaint''s deadline is more than 0';
COMMENT ON CONSTRAINT complaints_deadline_unit_known ON property.complaints IS
    '-: a complaint''s deadline unit is one of hours, days, working_days';
COMMENT ON CONSTRAINT complaints_description_length ON property.complaints IS
    'description: a complaint''s description is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT complaints_resolution_known ON property.complaints IS
    '-: a resolved or closed complaint records when it was resolved and whether on time; an open one neither';
COMMENT ON CONSTRAINT complaints_severity_known ON property.complaints IS
    'severity: a complaint''s severity is one of ordinary, important, major';
COMMENT ON CONSTRAINT complaints_status_known ON property.complaints IS
    'status: a complaint''s status is one of filed, acknowledged, resolved, closed';
COMMENT ON CONSTRAINT complaints_subject_length ON property.complaints IS
    'subject: a complaint''s subject is 1 to 20 characters (Unicode code points)';
COMMENT ON CONSTRAINT complaints_verdict_known ON property.complaints IS
    'verdict: a complaint''s verdict is one of satisfied, basically_satisfied';
COMMENT ON CONSTRAINT complexes_address_length ON property.complexes IS
    'address: a complex''s address is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT complexes_code_form ON property.complexes IS
    'code: a complex code starts with a letter and has at most 32 letters, digits, ''.'', ''_'' or ''-'', such as XQ01';
COMMENT ON CONSTRAINT complexes_grid_whole ON property.complexes IS
    '-: a complex''s grid is recorded by id and code together, or not at all';
COMMENT ON CONSTRAINT complexes_homes_range ON property.complexes IS
    'homes: a complex''s homes is from 0 to 100000';
COMMENT ON CONSTRAINT complexes_name_length ON property.complexes IS
    'name: a complex''s name is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT cross_appointments_company_post_length ON property.cross_appointments IS
    'company_post: a cross-appointment''s company post is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT cross_appointments_end_reason_length ON property.cross_appointments IS
    'reason: a cross-appointment''s end reason is at most 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT cross_appointments_party_post_length ON property.cross_appointments IS
    'party_post: a cross-appointment''s party post is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT cross_appointments_person_length ON property.cross_appointments IS
    'name: a cross-appointment''s person name is 1 to 50 characters (Unicode code points)';
COMMENT ON CONSTRAINT cross_appointments_side_known ON property.cross_appointments IS
    'side: a cross-appointment''s party side is one of community, complex_branch';
COMMENT ON CONSTRAINT evaluation_items_evidence_length ON property.evaluation_items IS
    'evidence: an evaluation item''s evidence is at most 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT evaluation_items_outcome_fits_kind ON property.evaluation_items IS
    '-: a positive item is met or not_met; a negative item is violated or clear';
COMMENT ON CONSTRAINT evaluations_note_length ON property.evaluations IS
    'note: an evaluation''s note is at most 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT evaluations_quarter_form ON property.evaluations IS
    'quarter: a quarter is written YYYYQn, such as 2026Q3';
COMMENT ON CONSTRAINT evaluations_superseded_whole ON property.evaluations IS
    '-: a superseded evaluation records when and by which evaluation, together';
COMMENT ON CONSTRAINT evaluations_version_key ON property.evaluations IS
    '-: an evaluation belongs to one checklist version';
COMMENT ON CONSTRAINT projects_description_length ON property.projects IS
    'description: a project''s description is at most 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT projects_finished_with_outcome ON property.projects IS
    'outcome: a completed or abandoned project has its finishing day and outcome; one under way has neither';
COMMENT ON CONSTRAINT projects_outcome_length ON property.projects IS
    'outcome: a project''s outcome is 1 to 2000 characters (Unicode code points)';
COMMENT ON CONSTRAINT projects_status_known ON property.projects IS
    'status: a project''s status is one of claimed, in_progress, completed, abandoned';
COMMENT ON CONSTRAINT projects_title_length ON property.projects IS
    'title: a project''s title is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT ranking_entries_list_known ON property.ranking_entries IS
    '-: a ranking entry''s list is one of red, black, middle, not_evaluated';
COMMENT ON CONSTRAINT rankings_quarter_form ON property.rankings IS
    'quarter: a quarter is written YYYYQn, such as 2026Q3';
COMMENT ON CONSTRAINT star_ratings_reason_length ON property.star_ratings IS
    'reason: a star rating''s reason is at most 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT star_ratings_stars_range ON property.star_ratings IS
    'stars: a star rating''s stars is from 1 to 5';
