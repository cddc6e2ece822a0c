-- Scoped access by each row's copy of its organisation's path (organizations' 0015): the same
-- rows as 0005, checked in place.
SELECT organizations.scope_by_path('stations.stations', 'host_id');
SELECT organizations.scope_by_path_through('stations.opening_intervals', 'station_id', 'stations.stations');
SELECT organizations.scope_by_path_through('stations.station_services', 'station_id', 'stations.stations');
SELECT organizations.scope_by_path_through('stations.visits', 'station_id', 'stations.stations');
SELECT organizations.scope_by_path_through('stations.visit_services', 'visit_id', 'stations.visits');
