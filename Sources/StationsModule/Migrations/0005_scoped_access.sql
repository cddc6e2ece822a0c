-- Organisation-scoped access for stations (see organizations' 0014): a station belongs to the
-- organisation that hosts it; its opening intervals, services and visits follow it. The
-- catalogue of services is shared.
ALTER TABLE stations.stations ENABLE ROW LEVEL SECURITY;
CREATE POLICY stations_in_scope ON stations.stations USING (organizations.unit_in_scope(host_id));

ALTER TABLE stations.opening_intervals ENABLE ROW LEVEL SECURITY;
CREATE POLICY opening_intervals_follow_station ON stations.opening_intervals
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM stations.stations s WHERE s.id = station_id));

ALTER TABLE stations.station_services ENABLE ROW LEVEL SECURITY;
CREATE POLICY station_services_follow_station ON stations.station_services
    USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM stations.stations s WHERE s.id = station_id));

ALTER TABLE stations.visits ENABLE ROW LEVEL SECURITY;
CREATE POLICY visits_follow_station ON stations.visits USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM stations.stations s WHERE s.id = station_id));

ALTER TABLE stations.visit_services ENABLE ROW LEVEL SECURITY;
CREATE POLICY visit_services_follow_visit ON stations.visit_services USING ((SELECT workbench.scope_codes()) IS NULL OR EXISTS (SELECT 1 FROM stations.visits v WHERE v.id = visit_id));
