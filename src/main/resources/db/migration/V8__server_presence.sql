-- The server (serve) that uses this database, while it runs: the command line refuses to import beside it.
create table server_presence (
    id           integer      not null primary key,
    pid          bigint       not null,
    url          varchar(200) not null,
    started_at   timestamp    not null,
    heartbeat_at timestamp    not null
);
