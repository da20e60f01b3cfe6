-- School accounts (role 学校): the school an account belongs to, and whether its password must be changed at the next
-- login (first passwords handed out by the administrator). The 回执 written for a file, so that a school reads its own.
alter table app_user add column school_id varchar(10);
alter table app_user add column must_change_password boolean default false not null;
alter table inbox_file add column receipt_path varchar(1000);
