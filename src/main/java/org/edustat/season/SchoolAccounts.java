package org.edustat.season;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.edustat.users.Users;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * School accounts made in bulk from 学校名录: one account (role 学校, user name = 学校标识码) for
 * each school the registry lists as 正常 that has none, each with a random first password
 * it must change at its first login. The passwords are handed out once, as one workbook
 * per 区县 in a ZIP; they are kept nowhere else (only their hashes).
 */
public class SchoolAccounts {

	/** Letters and digits nobody mistakes for one another (no 0/O, 1/l/I). */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * The accounts made: how many, how many schools had one already, and the workbooks as
	 * a ZIP (empty if none made).
	 */
	public record Made(int created, int existing, byte[] zip) {
	}

	private final JdbcClient jdbc;

	private final Users users;

	public SchoolAccounts(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** Makes the accounts the registry's schools lack. */
	public Made make() {
		record School(String id, String name, String district) {
		}
		List<School> schools = jdbc.sql("""
				select school_id, school_name, district_code from school_registry where status = '正常'
				order by district_code, school_id""")
			.query((rs, n) -> new School(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		Map<String, List<String[]>> byDistrict = new TreeMap<>();
		int existing = 0;
		for (School school : schools) {
			if (users.find(school.id()).isPresent()) {
				existing++;
				continue;
			}
			String password = password();
			users.createSchool(school.id(), password, school.district(), school.id());
			byDistrict.computeIfAbsent(school.district(), d -> new ArrayList<>())
				.add(new String[] { school.id(), school.name(), school.id(), password });
		}
		int created = byDistrict.values().stream().mapToInt(List::size).sum();
		return new Made(created, existing, created == 0 ? new byte[0] : zip(byDistrict));
	}

	private static byte[] zip(Map<String, List<String[]>> byDistrict) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, List<String[]>> district : byDistrict.entrySet()) {
				zip.putNextEntry(new ZipEntry("学校账号_" + district.getKey() + ".xlsx"));
				try (XSSFWorkbook wb = new XSSFWorkbook()) {
					Sheet sheet = wb.createSheet("学校账号");
					sheet.createRow(0)
						.createCell(0)
						.setCellValue("区县" + district.getKey() + "学校账号。初始密码只在此发放一次，学校首次登录后须修改密码；请逐校转交，勿群发。");
					String[] header = { "学校标识码", "学校名称", "用户名", "初始密码" };
					Row head = sheet.createRow(2);
					for (int c = 0; c < header.length; c++) {
						head.createCell(c).setCellValue(header[c]);
					}
					int r = 3;
					for (String[] line : district.getValue()) {
						Row row = sheet.createRow(r++);
						for (int c = 0; c < line.length; c++) {
							row.createCell(c).setCellValue(line[c]);
						}
					}
					int[] widths = { 13, 30, 13, 14 };
					for (int c = 0; c < widths.length; c++) {
						sheet.setColumnWidth(c, widths[c] * 256);
					}
					ByteArrayOutputStream workbook = new ByteArrayOutputStream();
					wb.write(workbook);
					zip.write(workbook.toByteArray());
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String password() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
