-- A submission's figures as whole millionths. numeric(20, 6) kept every figure to six decimals, and converting each
-- of a submission's 190 values to it, element by element, was the largest single cost of the import's writer on H2
-- (docs/benchmarks.md). vals[i] is now the figure times 1,000,000 as a bigint: the same six decimals, exactly, for
-- figures up to 9,223,372 million (a cell may hold at most 1,000,000 million; a form's max may not exceed it).
create table submission_figures_micros (
    school_id varchar(10)   not null,
    period    varchar(6)    not null,
    key_ids   integer array not null,
    vals      bigint array  not null,
    primary key (school_id, period)
);

-- Each submission's figures in the order they had, each value exact (they have six decimals at most).
insert into submission_figures_micros (school_id, period, key_ids, vals)
select f.school_id, f.period, f.key_ids, array_agg(cast(f.vals[p.n] * 1000000 as bigint) order by p.n)
from submission_figures f
join figure_position p on p.n <= cardinality(f.vals)
group by f.school_id, f.period, f.key_ids;
insert into submission_figures_micros (school_id, period, key_ids, vals)
select school_id, period, key_ids, cast(array[] as bigint array) from submission_figures where cardinality(vals) = 0;

drop view submission_value;
drop table submission_figures;
alter table submission_figures_micros rename to submission_figures;

-- Every figure as a row, as before, for ad-hoc queries and checks (read-only), in the figure's own unit.
create view submission_value as
select f.school_id, f.period, k.sheet, k.row_key, k.column_key,
       cast(cast(f.vals[p.n] as numeric(26, 6)) / 1000000 as numeric(20, 6)) as val, k.cell
from submission_figures f
join figure_position p on p.n <= cardinality(f.vals)
join figure_key k on k.id = f.key_ids[p.n];
