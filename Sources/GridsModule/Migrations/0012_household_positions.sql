-- Where a household lives, in WGS-84 degrees, when known: the 500-metre red service circle
-- 红色服务圈 around Party-mass service centres is measured over households (stations module,
-- `station coverage of=households`). Both or neither.
ALTER TABLE grids.households
    ADD COLUMN latitude  double precision CONSTRAINT households_latitude_range CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude double precision CONSTRAINT households_longitude_range CHECK (longitude BETWEEN -180 AND 180),
    ADD CONSTRAINT households_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL));
COMMENT ON CONSTRAINT households_latitude_range ON grids.households IS 'lat: a latitude is from -90 to 90 degrees';
COMMENT ON CONSTRAINT households_longitude_range ON grids.households IS 'lon: a longitude is from -180 to 180 degrees';
COMMENT ON CONSTRAINT households_position_whole ON grids.households IS 'lat: a place needs both lat= and lon=';

-- The located households of a subtree, for coverage.
CREATE INDEX households_located_idx ON grids.households (grid_id) WHERE latitude IS NOT NULL;
