-- Party-mass service centres 党群服务中心 and stations 党群服务站: places open to residents,
-- in "1+N" alliances (Fuding's 500-metre red service circle 红色服务圈; Shenzhen's centres at
-- three levels). They are stations of two more kinds, with services for residents from a
-- catalogue of their own; coverage over households measures the 500-metre circle.
ALTER TABLE stations.stations DROP CONSTRAINT stations_kind_known;
ALTER TABLE stations.stations ADD CONSTRAINT stations_kind_known
    CHECK (kind IN ('red_station', 'warm_home', 'other', 'service_centre', 'service_station'));
COMMENT ON CONSTRAINT stations_kind_known ON stations.stations IS
    'kind: red_station 红色驿站, warm_home 红·暖之家, other, service_centre 党群服务中心 or service_station 党群服务站';

-- Whom a service is for: the new employment groups (couriers, riders) or residents.
ALTER TABLE stations.services
    ADD COLUMN audience text NOT NULL DEFAULT 'workers' CONSTRAINT services_audience_known CHECK (audience IN ('workers', 'residents'));
COMMENT ON CONSTRAINT services_audience_known ON stations.services IS 'audience: workers or residents';

-- The residents' standard services of a Party-mass service centre (as the articles list what
-- centres offer); more are defined with `station service define` or join as a centre's extras.
INSERT INTO stations.services (code, name, standard, position, audience) VALUES
    ('government_errands', '政务代办', true, 1, 'residents'),
    ('party_education',    '党员教育', true, 2, 'residents'),
    ('volunteering',       '志愿服务', true, 3, 'residents'),
    ('legal_services',     '法律服务', true, 4, 'residents'),
    ('health_care',        '健康义诊', true, 5, 'residents'),
    ('elderly_meals',      '老年助餐', true, 6, 'residents'),
    ('childcare',          '托育托管', true, 7, 'residents'),
    ('culture_sports',     '文体活动', true, 8, 'residents'),
    ('employment',         '就业服务', true, 9, 'residents'),
    ('consultation',       '议事协商', true, 10, 'residents')
ON CONFLICT DO NOTHING;
