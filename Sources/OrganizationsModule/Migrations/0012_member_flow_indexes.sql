-- Members by the day they joined and the day they left: 'org stats by=quarter|month' counts
-- who joined and who left in a period by reading these days' ranges first (a few hundred rows
-- for a street's year) instead of every member of the subtree (25,000 in a street of the
-- benchmark's district).
CREATE INDEX members_joined_on_idx ON organizations.members (joined_on);
CREATE INDEX members_left_on_idx ON organizations.members (left_on) WHERE left_on IS NOT NULL;
