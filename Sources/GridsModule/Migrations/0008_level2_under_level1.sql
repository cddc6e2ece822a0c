-- A level-2 grid (二级网格) always sits under a level-1 grid: without a parent it would be a
-- second root beside the level-1 grids. NOT VALID: rows a former version let in are left as
-- they are (fix them with `grid update`); every new or changed row is checked.
ALTER TABLE grids.grids
    ADD CONSTRAINT grids_level2_has_parent CHECK (level <> 'level2' OR parent_id IS NOT NULL) NOT VALID;
COMMENT ON CONSTRAINT grids_level2_has_parent ON grids.grids IS
    'parent: a level2 grid sits under a level1 grid: name it with parent=';
