-- Version 5 added team mode to a team's PostgreSQL database: who holds a
-- client, colleagues for a duo intake, hand-overs and the audit log. A
-- laptop's database has one professional and needs none of it.
SELECT 1;
