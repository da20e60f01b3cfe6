-- Users of the web UI: role 查看 (VIEWER), 统计员 (STATISTICIAN) or 管理员 (ADMIN); a 区县 user has its district.
create table app_user (
    username      varchar(50)  not null primary key,
    password_hash varchar(200) not null,
    role          varchar(20)  not null,
    district_code varchar(6),
    enabled       boolean      not null
);
