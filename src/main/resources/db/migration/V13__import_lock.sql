-- The import that holds this database: one at a time. The holder beats every 15 seconds; a beat older than a minute,
-- or a process gone from its host, is a holder that was killed and whose hold may be taken over.
create table import_lock (
    id           integer      not null primary key,
    pid          bigint       not null,
    host         varchar(255) not null,
    started_at   timestamp    not null,
    heartbeat_at timestamp    not null
);
