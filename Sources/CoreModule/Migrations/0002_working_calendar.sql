-- The working calendar (工作日历), in the core's `workbench` schema: the one place every
-- module computes deadlines from (the grids module's escalation clocks, the property
-- module's "2310" complaint rule).
--
-- The default rule: Monday to Friday are working days, Saturday and Sunday are rest days.
-- workbench.calendar_days holds only the exceptions to that rule, as the General Office of
-- the State Council publishes them each year (国务院办公厅关于部分节假日安排的通知):
--   kind = 'holiday'  a Monday–Friday that is a rest day (元旦, 春节, 国庆节 …);
--   kind = 'workday'  a Saturday or Sunday that is a make-up working day (调休上班).
-- A row that would change nothing (a holiday on a weekend, a workday on a weekday) is
-- refused: such a row is almost always a mistyped date, and refusing it keeps "is this day a
-- working day" a function of the weekday and one optional row.
CREATE TABLE workbench.calendar_days (
    day         date        PRIMARY KEY,
    kind        text        NOT NULL CONSTRAINT calendar_days_kind_check CHECK (kind IN ('holiday', 'workday')),
    name        text        NOT NULL CONSTRAINT calendar_days_name_check CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_days_changes_the_day CHECK ((kind = 'holiday') = (extract(isodow FROM day) < 6))
);

COMMENT ON TABLE workbench.calendar_days IS
    'Exceptions to "Mon–Fri work, Sat/Sun rest": holiday = a weekday off, workday = a make-up weekend working day (调休)';

-- ---------------------------------------------------------------------------------------
-- Weekday arithmetic without the table (IMMUTABLE, inlined by the planner).
--
-- weekday_ordinal(d): how many Mondays–Fridays lie in [1900-01-01, d] (1900-01-01 was a
-- Monday; any fixed Monday would do, only differences matter). A Saturday and a Sunday have
-- the ordinal of the Friday before them, so ordinal(b) - ordinal(a) is the number of
-- weekdays in (a, b].
CREATE FUNCTION workbench.weekday_ordinal(on_day date) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ((on_day - DATE '1900-01-01') - mod(mod(on_day - DATE '1900-01-01', 7) + 7, 7)) / 7 * 5
         + least(mod(mod(on_day - DATE '1900-01-01', 7) + 7, 7) + 1, 5)
$$;

-- weekday_from_ordinal(k): the Monday–Friday whose weekday_ordinal is k.
CREATE FUNCTION workbench.weekday_from_ordinal(ordinal integer) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT DATE '1900-01-01'
         + ((ordinal - 1) - mod(mod(ordinal - 1, 5) + 5, 5)) / 5 * 7
         + mod(mod(ordinal - 1, 5) + 5, 5)
$$;

-- ---------------------------------------------------------------------------------------
-- The calendar (STABLE: they read workbench.calendar_days).

-- Whether on_day is a working day: its row decides, else Monday–Friday.
CREATE FUNCTION workbench.is_working_day(on_day date) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(
        (SELECT c.kind = 'workday' FROM workbench.calendar_days c WHERE c.day = on_day),
        extract(isodow FROM on_day) < 6
    )
$$;

-- The number of working days in (from_day, to_day]: the start day is not counted, the end
-- day is. Negative (minus the working days in (to_day, from_day]) when to_day is earlier;
-- 0 for the same day. A complaint received on Monday and closed on Wednesday took 2 working
-- days; one received on Saturday and closed on Monday took 1.
-- Arithmetic plus one index range scan over the exceptions: no loop over days.
CREATE FUNCTION workbench.working_days_between(from_day date, to_day date) RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
DECLARE
    low        date := least(from_day, to_day);
    high       date := greatest(from_day, to_day);
    adjustment integer;
BEGIN
    SELECT coalesce(sum(CASE c.kind WHEN 'workday' THEN 1 ELSE -1 END), 0)::integer INTO adjustment
    FROM workbench.calendar_days c
    WHERE c.day > low AND c.day <= high;
    RETURN sign(to_day - from_day)::integer
        * (workbench.weekday_ordinal(high) - workbench.weekday_ordinal(low) + adjustment);
END;
$$;

-- The amount-th working day after from_day, the start day not counted: 1 is the first
-- working day after from_day (Friday → Monday, and Saturday → Monday too). 0 is from_day
-- itself when it is a working day, else the first working day after it (当日, moved to the
-- next working day when the day is a rest day).
--
-- Cost: one index probe when no exception lies between from_day and the weekday answer (the
-- common case); otherwise weekday arithmetic between exceptions, one step per exception row
-- up to the answer (a Golden Week is 7 rows). Never a step per day.
CREATE FUNCTION workbench.add_working_days(from_day date, amount integer) RETURNS date
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
DECLARE
    reached    date := from_day;   -- every day up to and including this one is counted
    remaining  integer := amount;  -- working days still to find after `reached`
    between_   integer;
    candidate  date;
    exception_ record;
BEGIN
    IF amount < 0 THEN
        RAISE EXCEPTION 'workbench.add_working_days: amount must be 0 or more, not %', amount
            USING ERRCODE = '22023';
    END IF;
    IF amount = 0 THEN
        IF workbench.is_working_day(from_day) THEN
            RETURN from_day;
        END IF;
        remaining := 1;
    END IF;
    -- Fast path: no exception up to the answer the weekday rule alone gives.
    candidate := workbench.weekday_from_ordinal(workbench.weekday_ordinal(from_day) + remaining);
    IF NOT EXISTS (SELECT FROM workbench.calendar_days c WHERE c.day > from_day AND c.day <= candidate) THEN
        RETURN candidate;
    END IF;
    FOR exception_ IN
        SELECT c.day, c.kind FROM workbench.calendar_days c WHERE c.day > from_day ORDER BY c.day
    LOOP
        -- Weekdays strictly between `reached` and this exception are ordinary working days.
        between_ := workbench.weekday_ordinal(exception_.day - 1) - workbench.weekday_ordinal(reached);
        IF between_ >= remaining THEN
            RETURN workbench.weekday_from_ordinal(workbench.weekday_ordinal(reached) + remaining);
        END IF;
        remaining := remaining - between_;
        IF exception_.kind = 'workday' THEN
            remaining := remaining - 1;
            IF remaining = 0 THEN
                RETURN exception_.day;
            END IF;
        END IF;
        reached := exception_.day;
    END LOOP;
    RETURN workbench.weekday_from_ordinal(workbench.weekday_ordinal(reached) + remaining);
END;
$$;

-- The deadline `amount` units after `start`, with days taken in time zone `zone` (by default
-- the session's TimeZone, which dangjiand sets to daemon.time_zone, Asia/Shanghai unless
-- configured otherwise; ad-hoc SQL should pass the zone).
--
--   unit 'hours'         exactly amount × 3600 seconds after start (a clock, not a calendar:
--                        across a daylight-saving change the local time of day shifts).
--   unit 'days'          the end (24:00) of the amount-th calendar day after start's local
--                        date. The start day is not counted (民法典 第二百零一条: "开始的当日
--                        不计入，自下一日开始计算"), and the period ends at 24:00 of its last day
--                        (第二百零三条). Received Monday 10:00, "2日内" ends Thursday 00:00.
--   unit 'working_days'  the end (24:00) of the amount-th working day after start's local
--                        date, holidays skipped and make-up working days counted (行政许可法
--                        第八十二条: periods in working days exclude statutory holidays).
--                        Received Monday 10:00, "2个工作日内" ends Thursday 00:00 (the end of
--                        Wednesday); received on a rest day, counting starts with the first
--                        working day after it (Saturday + 1 working day = the end of Monday).
--
-- For day units "24:00 of the last day" is returned as 00:00 of the following calendar day
-- in `zone`: a clock is overdue when now() >= the deadline. Amount 0: 'hours' gives start,
-- 'days' the end of the start day, 'working_days' the end of the start day if it is a working
-- day, else of the first working day after it. A negative amount or another unit is an error
-- (SQLSTATE 22023). Not applied to 'days': the other half of 第二百零三条 (a period whose last
-- day is a statutory holiday ends on the day after the holiday); a rule that must not end on a
-- rest day should count working days.
--
-- Speed: 'hours' and 'days' are arithmetic (a few microseconds a row); 'working_days' is
-- add_working_days (one index probe, or one step per exception in the span: tens of
-- microseconds a row). For filters over many rows, store the deadline when the clock starts
-- and index it, rather than computing it in WHERE for every row.
CREATE FUNCTION workbench.add_duration(
    start timestamptz, amount integer, unit text, zone text DEFAULT current_setting('TimeZone')
) RETURNS timestamptz
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
BEGIN
    IF amount < 0 THEN
        RAISE EXCEPTION 'workbench.add_duration: amount must be 0 or more, not %', amount
            USING ERRCODE = '22023';
    END IF;
    CASE unit
        WHEN 'hours' THEN
            RETURN start + make_interval(hours => amount);
        WHEN 'days' THEN
            RETURN ((start AT TIME ZONE zone)::date + amount + 1)::timestamp AT TIME ZONE zone;
        WHEN 'working_days' THEN
            RETURN (workbench.add_working_days((start AT TIME ZONE zone)::date, amount) + 1)::timestamp AT TIME ZONE zone;
        ELSE
            RAISE EXCEPTION 'workbench.add_duration: unit must be hours, days or working_days, not "%"', unit
                USING ERRCODE = '22023';
    END CASE;
END;
$$;
