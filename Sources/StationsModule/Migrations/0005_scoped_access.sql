-- Organisation-scoped access for stations (see organizations' 0014): a station belongs to the
-- organisation that hosts it; its opening intervals, services and visits follow it. The
-- catalogue of services is shared.
SELECT workbench.scope_table('stations.stations', organizations.in_scope_condition('host_id'));
SELECT workbench.scope_table_through('stations.opening_intervals', 'station_id', 'stations.stations');
SELECT workbench.scope_table_through('stations.station_services', 'station_id', 'stations.stations');
SELECT workbench.scope_table_through('stations.visits', 'station_id', 'stations.stations');
SELECT workbench.scope_table_through('stations.visit_services', 'visit_id', 'stations.visits');
