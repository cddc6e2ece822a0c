-- Organisation-scoped access for stations (see organizations' 0014): a station belongs to the
-- organisation that hosts it; its opening intervals, services and visits follow it. The
-- catalogue of services is shared.
ALTER TABLE stations.stations ENABLE ROW LEVEL SECURITY;
CREATE POLICY stations_all ON stations.stations USING (true);
CREATE POLICY stations_in_scope ON stations.stations AS RESTRICTIVE TO dangjian_scoped
    USING (host_id IN (SELECT organizations.scope_unit_ids()));

ALTER TABLE stations.opening_intervals ENABLE ROW LEVEL SECURITY;
CREATE POLICY opening_intervals_all ON stations.opening_intervals USING (true);
CREATE POLICY opening_intervals_follow_station ON stations.opening_intervals AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM stations.stations p WHERE p.id = station_id));

ALTER TABLE stations.station_services ENABLE ROW LEVEL SECURITY;
CREATE POLICY station_services_all ON stations.station_services USING (true);
CREATE POLICY station_services_follow_station ON stations.station_services AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM stations.stations p WHERE p.id = station_id));

ALTER TABLE stations.visits ENABLE ROW LEVEL SECURITY;
CREATE POLICY visits_all ON stations.visits USING (true);
CREATE POLICY visits_follow_station ON stations.visits AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM stations.stations p WHERE p.id = station_id));

ALTER TABLE stations.visit_services ENABLE ROW LEVEL SECURITY;
CREATE POLICY visit_services_all ON stations.visit_services USING (true);
CREATE POLICY visit_services_follow_visit ON stations.visit_services AS RESTRICTIVE TO dangjian_scoped
    USING (EXISTS (SELECT 1 FROM stations.visits p WHERE p.id = visit_id));
