-- Deadlines of a period (报送截止 for the schools, 审核截止 for a 区县); district_code '000000' is the whole city's,
-- a 区县's own row overrides it. An e-mail address a user may give for notices; the digests sent, one a day each.
create table deadline (
    period        varchar(6)  not null,
    district_code varchar(6)  not null,
    submit_by     date        not null,
    review_by     date,
    primary key (period, district_code)
);
alter table app_user add column email varchar(200);
create table notice_digest (
    username  varchar(50) not null,
    sent_on   date        not null,
    sent_at   timestamp   not null,
    primary key (username, sent_on)
);
