-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0009, checked in place. Rankings and their entries keep 0009's policies (a list is
-- readable from inside the organisation it covers, too).
-- The complaint history, append-only, lets the copy follow a moved organisation and nothing else.
SELECT organizations.scope_by_path('property.complexes', 'community_id');
SELECT organizations.scope_by_path_through('property.service_contracts', 'complex_id', 'property.complexes');
SELECT organizations.scope_by_path_through('property.cross_appointments', 'complex_id', 'property.complexes');
SELECT organizations.scope_by_path('property.projects', 'community_id');
SELECT organizations.scope_by_path('property.complaints', 'community_id');
SELECT organizations.scope_by_path_through('property.complaint_events', 'complaint_id', 'property.complaints');
SELECT organizations.let_path_pass_guard('property.complaint_events', 'complaint_events_append_only');
