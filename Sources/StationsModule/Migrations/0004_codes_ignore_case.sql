-- Station codes ignore case: yz01 and YZ01 name one station. Lookups compare upper(code);
-- this index keeps two stations from differing only in case. A database that already holds
-- such a pair cannot take the index: the migration stops and names the codes to rename
-- first (with a version of dangjiand before this migration).
DO $check$
DECLARE
    pairs text;
BEGIN
    SELECT string_agg(codes, '; ') INTO pairs
    FROM (SELECT string_agg(code, ' and ' ORDER BY code) AS codes FROM stations.stations GROUP BY upper(code) HAVING count(*) > 1) d;
    IF pairs IS NOT NULL THEN
        RAISE EXCEPTION 'station codes that differ only in case: %', pairs
            USING HINT = 'rename one of each pair before upgrading: codes now ignore case';
    END IF;
END
$check$;

CREATE UNIQUE INDEX stations_code_upper_key ON stations.stations (upper(code));
