-- `grid case list grid=… status=…` (the benchmark's case list): a grid's cases in one status,
-- in id order. With cases_grid_idx (grid_id, id) alone the list reads every case of the grid
-- and drops the other statuses (a status with no case in the grid reads all of them, about
-- 170 heap pages at the benchmark's scale); with the status in the key it reads the page's rows
-- and stops.
CREATE INDEX cases_grid_status_idx ON grids.cases (grid_id, status, id);
