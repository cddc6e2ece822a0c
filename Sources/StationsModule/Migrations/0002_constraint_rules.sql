-- What each rule of this module's tables means to an operator: when a change breaks one, the
-- daemon answers with the comment's message, naming the argument before the colon ('-' for a
-- rule about a record's state rather than one value). See ConstraintRule in WorkbenchKit.
COMMENT ON CONSTRAINT opening_intervals_order ON stations.opening_intervals IS
    'hours: an opening interval closes after it opens, such as 08:00-20:00';
COMMENT ON CONSTRAINT opening_intervals_weekday_range ON stations.opening_intervals IS
    'hours: an opening interval''s weekday is from 1 to 7';
COMMENT ON CONSTRAINT services_code_length ON stations.services IS
    'code: a service''s code is 1 to 40 characters (Unicode code points)';
COMMENT ON CONSTRAINT services_name_length ON stations.services IS
    'name: a service''s name is 1 to 40 characters (Unicode code points)';
COMMENT ON CONSTRAINT stations_address_length ON stations.stations IS
    'address: a station''s address is 1 to 200 characters (Unicode code points)';
COMMENT ON CONSTRAINT stations_capacity_range ON stations.stations IS
    'capacity: a station''s capacity is from 0 to 10000';
COMMENT ON CONSTRAINT stations_closed_reason_length ON stations.stations IS
    'reason: a station''s closed reason is 1 to 500 characters (Unicode code points)';
COMMENT ON CONSTRAINT stations_closing_whole ON stations.stations IS
    '-: a closed station has its closing day and reason; an open one neither';
COMMENT ON CONSTRAINT stations_code_form ON stations.stations IS
    'code: a station code starts with a letter and has at most 32 letters, digits, ''.'', ''_'' or ''-'', such as YZ01';
COMMENT ON CONSTRAINT stations_hours_length ON stations.stations IS
    'hours: a station''s hours is 1 to 300 characters (Unicode code points)';
COMMENT ON CONSTRAINT stations_kind_known ON stations.stations IS
    'kind: a station''s kind is one of red_station, warm_home, other';
COMMENT ON CONSTRAINT stations_latitude_range ON stations.stations IS
    'lat: a station''s latitude is from -90 to 90';
COMMENT ON CONSTRAINT stations_longitude_range ON stations.stations IS
    'lon: a station''s longitude is from -180 to 180';
COMMENT ON CONSTRAINT stations_name_length ON stations.stations IS
    'name: a station''s name is 1 to 100 characters (Unicode code points)';
COMMENT ON CONSTRAINT stations_status_known ON stations.stations IS
    'status: a station''s status is one of open, closed';
COMMENT ON CONSTRAINT visits_platform_length ON stations.visits IS
    'platform: a visit''s platform is 1 to 20 characters (Unicode code points)';
COMMENT ON CONSTRAINT visits_worker_form ON stations.visits IS
    'worker: a worker''s id is 3 to 64 letters, digits, ''.'', ''_'', '':'' or ''-'' (no names or phone numbers)';
