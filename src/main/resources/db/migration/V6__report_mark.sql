-- How far the ledger had come when the reports were last written: reports are due when it has come further.
create table report_mark (
    id           integer   not null primary key,
    last_file_id bigint    not null,
    written_at   timestamp not null
);
