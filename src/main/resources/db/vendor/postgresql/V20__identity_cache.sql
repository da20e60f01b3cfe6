-- H2's V20 keeps a thousand identity values in memory at a time (its sequences write their high-water mark in a
-- commit of their own). PostgreSQL's sequences cost nothing of the kind, and a cache there is per session: ids from
-- the connection pool's sessions would interleave out of order, and the ledger reads "order by id" as the order of
-- arrival. Nothing changes here; the version exists on both databases so that the next migration has one number.
comment on column inbox_file.id is 'the order of arrival: read "order by id"';
