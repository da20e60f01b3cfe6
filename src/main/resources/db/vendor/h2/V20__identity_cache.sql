-- H2 keeps the next values of an identity column in memory 32 at a time; each time they run out it writes the
-- column's new high-water mark in a transaction of its own, and with WRITE_DELAY=0 that commit writes every changed
-- page of the database, the running chunk's included: 94 extra stores for 3,000 files' ledger rows. A thousand at a
-- time makes that three. The values stay increasing (one sequence for every session of the database); a killed
-- process leaves a gap of at most a thousand in the ids, which nothing reads as a count.
alter table inbox_file alter column id set cache 1000;
alter table finding alter column id set cache 1000;
alter table audit_event alter column id set cache 1000;
alter table figure_key alter column id set cache 1000;
