-- The day a grid was set up (网格划定之日). Patrol coverage and 'grid patrol gaps' count a grid
-- from that day only, and no patrol is logged before it. 'grid add' takes established_on=
-- (default today, by the daemon's clock); a grid set up before it was entered says so.
-- Grids entered before this column existed count from the day they were entered.
ALTER TABLE grids.grids ADD COLUMN established_on date;
UPDATE grids.grids SET established_on = created_at::date;
ALTER TABLE grids.grids ALTER COLUMN established_on SET DEFAULT CURRENT_DATE,
                        ALTER COLUMN established_on SET NOT NULL;
