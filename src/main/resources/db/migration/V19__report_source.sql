-- Which submission of each school the period's report last written used: its file in the ledger and when the report was
-- written. A later file replaces the row once the report is written again.
create table report_source (
    period     varchar(6)  not null,
    school_id  varchar(10) not null,
    file_id    bigint      not null,
    written_at timestamp   not null,
    primary key (period, school_id)
);
