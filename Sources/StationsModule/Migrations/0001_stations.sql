-- Stations for the new employment groups 新就业群体驿站: couriers and delivery riders rest,
-- eat, drink, charge and warm up at "红色驿站" and "红·暖之家" hosted by Party organisations.
--
-- Places are WGS-84 latitude and longitude. stations.earth_position is earthdistance's
-- ll_to_earth with an SQL-standard body: it is bound when created, so the GiST index and
-- the queries work under any search_path (the extension's own body names cube() and earth()
-- unqualified and fails, for example, under pg_dump's empty search_path).
--
-- This text corrects the comments of the one first applied:
-- amends d82a1307fc43084ac248c295b8235e286044ba9f523996f59b6e9871bf86daf6
CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;

-- A point on the earth's surface (earthdistance's sphere of 6,378,168 m) as a 3-D cube.
CREATE FUNCTION stations.earth_position(latitude double precision, longitude double precision) RETURNS public.earth
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN public.cube(
    public.cube(
        public.cube(public.earth() * cos(radians(latitude)) * cos(radians(longitude))),
        public.earth() * cos(radians(latitude)) * sin(radians(longitude))),
    public.earth() * sin(radians(latitude)))::public.earth;

-- The great-circle distance in metres between two earth positions (from their chord).
CREATE FUNCTION stations.metres_between(a public.cube, b public.cube) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN 2 * public.earth() * asin(least(1.0, public.cube_distance(a, b) / (2 * public.earth())));

-- The box around a position that holds every point within `metres` of it (for @>).
CREATE FUNCTION stations.box_around(centre public.cube, metres double precision) RETURNS public.cube
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN public.cube_enlarge(centre, 2 * public.earth() * sin(least(pi() / 2, metres / (2 * public.earth()))), 3);

CREATE TABLE stations.stations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          text   NOT NULL CONSTRAINT stations_code_key UNIQUE
                         CONSTRAINT stations_code_form CHECK (code ~ '^[A-Za-z][A-Za-z0-9._-]{0,31}$'),
    name          text   NOT NULL CONSTRAINT stations_name_length CHECK (length(name) BETWEEN 1 AND 100),
    -- red_station 红色驿站, warm_home 红·暖之家, other.
    kind          text   NOT NULL CONSTRAINT stations_kind_known CHECK (kind IN ('red_station', 'warm_home', 'other')),
    address       text   NOT NULL CONSTRAINT stations_address_length CHECK (length(address) BETWEEN 1 AND 200),
    latitude      double precision NOT NULL CONSTRAINT stations_latitude_range CHECK (latitude BETWEEN -90 AND 90),
    longitude     double precision NOT NULL CONSTRAINT stations_longitude_range CHECK (longitude BETWEEN -180 AND 180),
    -- The Party organisation that runs the station.
    host_id       bigint NOT NULL CONSTRAINT stations_host_fkey REFERENCES organizations.units (id),
    -- The opening hours as normalised text (`mon-fri 08:00-20:00; sat,sun 10:00-18:00`);
    -- opening_intervals holds the same hours for queries.
    hours         text   NOT NULL CONSTRAINT stations_hours_length CHECK (length(hours) BETWEEN 1 AND 300),
    -- Seats or places to rest, when known.
    capacity      integer CONSTRAINT stations_capacity_range CHECK (capacity BETWEEN 0 AND 10000),
    status        text   NOT NULL DEFAULT 'open' CONSTRAINT stations_status_known CHECK (status IN ('open', 'closed')),
    closed_on     date,
    closed_reason text   CONSTRAINT stations_closed_reason_length CHECK (length(closed_reason) BETWEEN 1 AND 500),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT stations_closing_whole CHECK ((status = 'closed') = (closed_on IS NOT NULL AND closed_reason IS NOT NULL))
);

-- Nearest-station and coverage queries read open stations by position (KNN with <->, @> boxes).
CREATE INDEX stations_open_position_idx ON stations.stations USING gist (stations.earth_position(latitude, longitude)) WHERE status = 'open';
CREATE INDEX stations_host_idx ON stations.stations (host_id, id);

-- Opening hours: one row per weekday (ISO: 1 Monday … 7 Sunday) and interval; a day without
-- rows is closed. Intervals end at most at 24:00; one past midnight is stored as two.
CREATE TABLE stations.opening_intervals (
    station_id bigint   NOT NULL CONSTRAINT opening_intervals_station_fkey REFERENCES stations.stations (id) ON DELETE CASCADE,
    weekday    smallint NOT NULL CONSTRAINT opening_intervals_weekday_range CHECK (weekday BETWEEN 1 AND 7),
    opens      time     NOT NULL,
    closes     time     NOT NULL,
    PRIMARY KEY (station_id, weekday, opens),
    CONSTRAINT opening_intervals_order CHECK (opens < closes)
);

-- The service catalogue "10+X": the ten standard services (standard = true, in their
-- order) and every extra a station has offered, known by its name.
CREATE TABLE stations.services (
    code     text     PRIMARY KEY CONSTRAINT services_code_length CHECK (length(code) BETWEEN 1 AND 40),
    name     text     NOT NULL CONSTRAINT services_name_key UNIQUE CONSTRAINT services_name_length CHECK (length(name) BETWEEN 1 AND 40),
    standard boolean  NOT NULL,
    position smallint
);

INSERT INTO stations.services (code, name, standard, position) VALUES
    ('hot_meal', '暖餐', true, 1),
    ('drinking_water', '饮水', true, 2),
    ('rest', '休憩', true, 3),
    ('cooling', '避暑清凉', true, 4),
    ('warming', '取暖', true, 5),
    ('reading', '阅读', true, 6),
    ('charging', '充电', true, 7),
    ('tyre_inflation', '充气', true, 8),
    ('toilet', '如厕', true, 9),
    ('first_aid', '应急药箱', true, 10);

CREATE TABLE stations.station_services (
    station_id bigint NOT NULL CONSTRAINT station_services_station_fkey REFERENCES stations.stations (id) ON DELETE CASCADE,
    service    text   NOT NULL CONSTRAINT station_services_service_fkey REFERENCES stations.services (code),
    added_at   timestamptz NOT NULL,
    PRIMARY KEY (station_id, service)
);

CREATE INDEX station_services_service_idx ON stations.station_services (service, station_id);

-- Visits by couriers and riders: the platform they work for and, when they wish, a
-- pseudonymous worker id; never a name or a phone number.
CREATE TABLE stations.visits (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    station_id bigint NOT NULL CONSTRAINT visits_station_fkey REFERENCES stations.stations (id),
    visited_at timestamptz NOT NULL,
    platform   text   NOT NULL CONSTRAINT visits_platform_length CHECK (length(platform) BETWEEN 1 AND 20),
    worker     text   CONSTRAINT visits_worker_form CHECK (worker ~ '^[A-Za-z0-9._:-]{3,64}$'),
    logged_at  timestamptz NOT NULL,
    logged_by  text   NOT NULL
);

CREATE INDEX visits_station_time_idx ON stations.visits (station_id, visited_at);
CREATE INDEX visits_time_idx ON stations.visits (visited_at);

CREATE TABLE stations.visit_services (
    visit_id bigint NOT NULL CONSTRAINT visit_services_visit_fkey REFERENCES stations.visits (id) ON DELETE CASCADE,
    service  text   NOT NULL CONSTRAINT visit_services_service_fkey REFERENCES stations.services (code),
    PRIMARY KEY (visit_id, service)
);

CREATE INDEX visit_services_service_idx ON stations.visit_services (service);

-- A closed station takes no visits, even when the closing commits while a visit is being
-- logged: the station row is read FOR SHARE.
CREATE FUNCTION stations.visit_needs_open_station() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    station stations.stations%ROWTYPE;
BEGIN
    SELECT * INTO station FROM stations.stations WHERE id = NEW.station_id FOR SHARE;
    IF station.status = 'closed' THEN
        RAISE EXCEPTION 'station % closed on %; a closed station takes no visits (reopen it with ''station reopen'' if it is open again)',
                station.code, station.closed_on
            USING ERRCODE = 'P0001', HINT = 'stations.station.closed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER visits_need_open_station BEFORE INSERT OR UPDATE OF station_id, visited_at ON stations.visits
    FOR EACH ROW EXECUTE FUNCTION stations.visit_needs_open_station();

-- Services used on a visit must be offered by the station at the time it is logged.
CREATE FUNCTION stations.visit_service_offered() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM stations.visits v JOIN stations.station_services s ON s.station_id = v.station_id AND s.service = NEW.service
        WHERE v.id = NEW.visit_id
    ) THEN
        RAISE EXCEPTION 'the station does not offer the service %; see ''station show''', NEW.service
            USING ERRCODE = 'P0001', HINT = 'stations.visit.service_not_offered';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER visit_services_offered BEFORE INSERT ON stations.visit_services
    FOR EACH ROW EXECUTE FUNCTION stations.visit_service_offered();
