-- the school's own telephone as the bureau's 学校名录 gives it (never a workbook's 填报人 or 联系电话): the 催报 list's contact
alter table school_registry add column contact varchar(40);
