-- Totals a bureau published in the years before EduStat (历年数据): shown in 历年趋势, marked as published.
create table published_value (
    value_year     integer        not null,
    district_code  varchar(6)     not null,
    indicator_code varchar(64)    not null,
    val            numeric(24, 6) not null,
    primary key (value_year, district_code, indicator_code)
);
