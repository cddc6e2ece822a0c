-- The quarters or months of a span of days, for statistics by period (`by=quarter|month`):
-- each period's label (2026Q3, 2026-07), its days within the span and the day it starts on
-- (what date_trunc gives an event's day, to file events under it), in order. One definition
-- for every module's breakdowns:
--
--     SELECT p.label, p.first_day, p.last_day FROM workbench.periods('quarter', $2, $3) p
--
-- `division` is 'quarter' or 'month'; anything else is refused.
CREATE FUNCTION workbench.periods(division text, from_day date, to_day date)
RETURNS TABLE (label text, first_day date, last_day date, starts_on date)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_char(p, CASE division WHEN 'quarter' THEN 'YYYY"Q"Q' ELSE 'YYYY-MM' END),
           greatest(p::date, from_day),
           least((p + CASE division WHEN 'quarter' THEN interval '3 months' ELSE interval '1 month' END)::date - 1, to_day),
           p::date
    FROM generate_series(
        date_trunc(division, from_day::timestamp), to_day::timestamp,
        CASE division WHEN 'quarter' THEN interval '3 months' WHEN 'month' THEN interval '1 month' END
    ) p
$$;
GRANT EXECUTE ON FUNCTION workbench.periods(text, date, date) TO dangjian_runtime;
