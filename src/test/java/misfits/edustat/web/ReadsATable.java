package misfits.edustat.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaks "the web reads no table". */
public class ReadsATable {

	public Integer count(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from inbox_file").query(Integer.class).single();
	}

}
