-- Findings about a period rather than a file (Y03: a school that sent the previous period and not this one) have no
-- file; they carry the school's 区县 so that the 数据质量 sheet can list them by 区县.
alter table finding alter column file_id drop not null;
alter table finding add column district_code varchar(6);
create index finding_period on finding (period, code);
