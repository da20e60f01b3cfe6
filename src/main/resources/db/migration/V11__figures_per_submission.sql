-- A submission's figures in one row instead of one row a figure (~200 a school). Writing a school's figures as ~200
-- rows cost more than reading and checking its workbook: every row is an entry in the table, in its index and twice
-- in the transaction's undo log, which the commit walks. The five arrays are parallel: element i of each is one figure
-- (sheet, row, column, value, the cell as the school sees it). Written and read whole, per school and period.
create table submission_figures (
    school_id   varchar(10)          not null,
    period      varchar(6)           not null,
    sheets      varchar(20) array    not null,
    row_keys    varchar(40) array    not null,
    column_keys varchar(40) array    not null,
    vals        numeric(20, 6) array not null,
    cells       varchar(80) array    not null,
    primary key (school_id, period)
);

insert into submission_figures (school_id, period, sheets, row_keys, column_keys, vals, cells)
select school_id, period,
       array_agg(sheet order by sheet, row_key, column_key),
       array_agg(row_key order by sheet, row_key, column_key),
       array_agg(column_key order by sheet, row_key, column_key),
       array_agg(val order by sheet, row_key, column_key),
       array_agg(cell order by sheet, row_key, column_key)
from submission_value
group by school_id, period;

drop table submission_value;

-- Positions 1..4096 of a submission's figures (the form allows at most 4096 figures a submission; FormFile checks).
create table figure_position (
    n integer primary key
);
insert into figure_position (n)
with recursive r (n) as (select 1 union all select n + 1 from r where n < 4096)
select n from r;

-- Every figure as a row, as before, for ad-hoc queries and checks (read-only).
create view submission_value as
select f.school_id, f.period, f.sheets[p.n] as sheet, f.row_keys[p.n] as row_key, f.column_keys[p.n] as column_key,
       f.vals[p.n] as val, f.cells[p.n] as cell
from submission_figures f
join figure_position p on p.n <= cardinality(f.vals);
