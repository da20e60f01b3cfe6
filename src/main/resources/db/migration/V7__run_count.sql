-- A run's files by outcome as they were when it ended (later runs may supersede its files).
create table run_count (
    job_execution_id bigint not null primary key,
    files            bigint not null,
    loaded           bigint not null,
    rejected         bigint not null
);
