-- The figures of the last report written for each period, to list what changed in the next one (sheet 变动).
create table report_value (
    period         varchar(6)     not null,
    area_code      varchar(6)     not null,
    indicator_code varchar(64)    not null,
    grp            varchar(10)    not null,
    val            numeric(24, 6),
    primary key (period, area_code, indicator_code, grp)
);
