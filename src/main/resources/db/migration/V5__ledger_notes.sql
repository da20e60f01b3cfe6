-- What was noticed while reading a file and left alone: extra sheets, unrecognised optional columns.
alter table inbox_file add column notes varchar(4000);
