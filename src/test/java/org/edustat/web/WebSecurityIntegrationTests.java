package org.edustat.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.edustat.cli.ResetAdminCommand;
import org.edustat.demo.HostileFiles;
import org.edustat.demo.Roster;
import org.edustat.demo.SubmissionWorkbook;
import org.edustat.intake.Archive;
import org.edustat.ledger.FileStatus;
import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerEntry;
import org.edustat.testing.Workbooks;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.edustat.users.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Access control: roles, a 区县 user's scope, CSRF, downloads by opaque id only. */
@SpringBootTest
@AutoConfigureMockMvc
class WebSecurityIntegrationTests {

	static final Path OUTPUT = createOutput();

	static final EdustatUser VIEWER = new EdustatUser("viewer", "x", true, Role.VIEWER, null);

	static final EdustatUser STATISTICIAN = new EdustatUser("stat", "x", true, Role.STATISTICIAN, null);

	static final EdustatUser QINGYUAN = new EdustatUser("qingyuan", "x", true, Role.VIEWER, "990102");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:web-tests;DB_CLOSE_DELAY=-1");
		registry.add("edustat.reports.output", OUTPUT::toString);
		registry.add("edustat.intake.inbox", () -> OUTPUT.resolveSibling("web-inbox").toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Downloads downloads;

	@Autowired
	Users users;

	@Autowired
	Archive archive;

	@Autowired
	ResetAdminCommand resetAdmin;

	@BeforeEach
	void files() throws IOException {
		FileSystemUtils.deleteRecursively(OUTPUT);
		FileSystemUtils.deleteRecursively(OUTPUT.resolveSibling("web-inbox"));
		write("2023H1 半年报.xlsx");
		write("回执/2023H1/990102/清源区第一小学_2023H1_回执.xlsx");
		write("回执/2023H1/990103/明湖区第一小学_2023H1_回执.xlsx");
		jdbc.sql("delete from inbox_file").update();
		for (String district : List.of("990102", "990103")) {
			ledger.insert(new LedgerEntry(0, district + "/学校.xlsx", "学校.xlsx", 1, "ab" + district, Instant.now(),
					Instant.now(), "学校报表", "39" + district + "01", "学校" + district, "2023H1", district,
					FileStatus.LOADED, null, null, null, true, null));
		}
	}

	@Test
	void everyBadParameterAnswers400WithAChinesePage() throws Exception {
		for (String[] bad : new String[][] { { "/files", "page", "21474837" }, { "/files", "page", "0" },
				{ "/files", "page", "abc" }, { "/files", "status", "bogus" }, { "/files", "period", "2023X9" },
				{ "/missing", "period", "bad" }, { "/runs/abc", "x", "1" } }) {
			String page = mvc.perform(get(bad[0]).param(bad[1], bad[2]).param("district", "990102").with(user(VIEWER)))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(String.join(" ", bad)).contains("请求参数无效");
		}
		mvc.perform(get("/missing").with(user(VIEWER))).andExpect(status().isBadRequest());
	}

	@Test
	void aViewerCannotLaunchARun() throws Exception {
		mvc.perform(post("/runs").with(user(VIEWER)).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void aStatisticianLaunchesButNotWithoutTheCsrfToken() throws Exception {
		mvc.perform(post("/runs").with(user(STATISTICIAN))).andExpect(status().isForbidden());
		mvc.perform(post("/runs").with(user(STATISTICIAN)).with(csrf())).andExpect(redirectedUrl("/runs"));
	}

	@Test
	void aDistrictUserListsOnlyItsOwnDistrictsFiles() throws Exception {
		String page = mvc.perform(get("/files").param("district", "990103").with(user(QINGYUAN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("990102/学校.xlsx").doesNotContain("990103/学校.xlsx");
		String all = mvc.perform(get("/files").with(user(VIEWER))).andReturn().getResponse().getContentAsString();
		assertThat(all).contains("990102/学校.xlsx").contains("990103/学校.xlsx");
	}

	@Test
	void aDistrictUserDownloadsOnlyItsOwnFeedbackWorkbooks() throws Exception {
		String own = id(VIEWER, "清源区第一小学_2023H1_回执.xlsx");
		String other = id(VIEWER, "明湖区第一小学_2023H1_回执.xlsx");
		mvc.perform(get("/download/" + own).with(user(QINGYUAN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", Matchers.containsString(
					"filename*=UTF-8''%E6%B8%85%E6%BA%90%E5%8C%BA%E7%AC%AC%E4%B8%80%E5%B0%8F%E5%AD%A6_2023H1_%E5%9B%9E%E6%89%A7.xlsx")));
		mvc.perform(get("/download/" + other).with(user(QINGYUAN))).andExpect(status().isNotFound());
		mvc.perform(get("/download/" + other).with(user(VIEWER))).andExpect(status().isOk());
		String reports = mvc.perform(get("/reports").with(user(QINGYUAN)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(reports).contains("2023H1 半年报.xlsx").contains("清源区第一小学").doesNotContain("明湖区第一小学");
	}

	@Test
	void aCraftedPathNeverReachesTheFileSystem() throws Exception {
		for (String path : List.of("/download/..%2F..%2F..%2Fetc%2Fpasswd",
				"/download/%2e%2e%2f2023H1%20%E5%8D%8A%E5%B9%B4%E6%8A%A5.xlsx", "/download/2023H1 半年报.xlsx",
				"/download/0123456789abcdef0123456789abcdef")) {
			int status = mvc.perform(get(path).with(user(VIEWER))).andReturn().getResponse().getStatus();
			assertThat(status).as(path).isIn(400, 404);
		}
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPageAndAFormLoginWorks() throws Exception {
		mvc.perform(get("/files"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", Matchers.endsWith("/login")));
		if (users.find("lin").isEmpty()) {
			users.create("lin", "统计-2023", Role.STATISTICIAN, null);
		}
		assertThat(jdbc.sql("select password_hash from app_user where username = 'lin'").query(String.class).single())
			.startsWith("{bcrypt}")
			.doesNotContain("统计-2023");
		mvc.perform(post("/login").param("username", "lin").param("password", "统计-2023").with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", "lin").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anUploadOfAZipBombOrANonSpreadsheetIsRefusedWithAMessageAndItsBytesKeptAsRefused() throws Exception {
		Path inbox = OUTPUT.resolveSibling("web-inbox");
		for (var upload : List.of(
				new MockMultipartFile("file", "炸弹.xlsx", "application/octet-stream", HostileFiles.zipBomb(20)),
				new MockMultipartFile("file", "总结.xlsx", "application/vnd.ms-excel", HostileFiles.notASpreadsheet()))) {
			String page = mvc
				.perform(MockMvcRequestBuilders.multipart("/upload").file(upload).with(user(STATISTICIAN)).with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("已收到「" + upload.getOriginalFilename() + "」。审核结论：退回，不能入库。文件已作为退回记录保存");
			assertThat(page).containsAnyOf("文件解压后大小异常(疑似压缩炸弹),拒绝读取", "不是Excel工作簿(.xlsx/.xls),文件内容为PDF");
			var entry = jdbc.sql("select status, archive_path, sha256 from inbox_file where received_path = ?")
				.param("上传/stat/" + upload.getOriginalFilename())
				.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
				.single();
			assertThat(entry.get(0)).isEqualTo("已退回");
			assertThat(entry.get(2))
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload.getBytes())));
			assertThat(archive.resolve(entry.get(1))).hasBinaryContent(upload.getBytes());
		}
		assertThat(!Files.exists(inbox) || Files.walk(inbox).noneMatch(Files::isRegularFile)).isTrue();
		mvc.perform(MockMvcRequestBuilders.multipart("/upload")
			.file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[] { 1 }))
			.with(user(VIEWER))
			.with(csrf())).andExpect(status().isForbidden());
	}

	/**
	 * Upload = run: a workbook with an error is not put into the inbox as if it would
	 * load. It is recorded at once as 已退回 with its findings, its bytes kept, and its 回执 —
	 * headed 退回 — offered on the page and downloadable; a clean workbook of the same
	 * school goes into the inbox with the verdict 受理.
	 */
	@Test
	void anUploadWithAnErrorIsRecordedAsRefusedAtOnceWithItsReceipt() throws Exception {
		Path inbox = OUTPUT.resolveSibling("web-inbox");
		EdustatUser qingyuan = new EdustatUser("qy-err", "x", true, Role.STATISTICIAN, "990102");
		var own = Roster.schools(15, Workbooks.SEED)
			.stream()
			.filter(s -> s.profile().district().value().equals("990102"))
			.findFirst()
			.orElseThrow();
		var figures = Workbooks.figures(own, Workbooks.H1_2023);
		figures.conditions.put("图书", -5.0);
		byte[] wrong = SubmissionWorkbook.of(own, Workbooks.H1_2023, figures).bytes();
		String page = upload(qingyuan, "有错.xlsx", wrong);
		assertThat(page).contains("已收到「有错.xlsx」")
			.contains("审核结论：退回，不能入库")
			.doesNotContain("已放入收件箱")
			.contains("「办学条件」表「图书」的「值」为负数(-5)");
		assertThat(!Files.exists(inbox) || Files.walk(inbox).noneMatch(Files::isRegularFile)).isTrue();
		var entry = jdbc
			.sql("select id, status, archive_path, reason from inbox_file where received_path = '上传/qy-err/有错.xlsx'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(entry.get(1)).isEqualTo("已退回");
		assertThat(archive.resolve(entry.get(2))).hasBinaryContent(wrong);
		assertThat(jdbc.sql("select count(*) from finding where file_id = ? and code = 'C02'")
			.param(Long.parseLong(entry.get(0)))
			.query(Integer.class)
			.single()).isPositive();
		Matcher link = Pattern.compile("id=\"receipt\" href=\"/download/([0-9a-f]+)\"").matcher(page);
		assertThat(link.find()).as("the page offers the 回执: %s", page).isTrue();
		byte[] receipt = mvc.perform(get("/download/" + link.group(1)).with(user(qingyuan)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var wb = WorkbookFactory.create(new ByteArrayInputStream(receipt))) {
			var heading = wb.getSheet("审核结果");
			assertThat(heading.getRow(3).getCell(0).getStringCellValue()).startsWith("审核结论：退回。");
			assertThat(heading.getRow(2).getCell(0).getStringCellValue()).startsWith("文件：上传/qy-err/有错.xlsx");
		}
		String clean = upload(qingyuan, "改正.xlsx", Workbooks.submission(own, Workbooks.H1_2023).bytes());
		assertThat(clean).contains("已放入收件箱：「改正.xlsx」").contains("审核结论：受理");
	}

	@Test
	void aDistrictStatisticianUploadsOnlyItsOwnDistrictsSchoolsAndNothingIsOverwrittenOrLost() throws Exception {
		Path inbox = OUTPUT.resolveSibling("web-inbox");
		FileSystemUtils.deleteRecursively(inbox);
		EdustatUser qingyuan = new EdustatUser("qy-stat", "x", true, Role.STATISTICIAN, "990102");
		var schools = Roster.schools(15, Workbooks.SEED);
		var own = schools.stream()
			.filter(s -> s.profile().district().value().equals("990102"))
			.findFirst()
			.orElseThrow();
		var other = schools.stream()
			.filter(s -> s.profile().district().value().equals("990103"))
			.findFirst()
			.orElseThrow();
		String refused = upload(qingyuan, "别区.xlsx", Workbooks.submission(other, Workbooks.H1_2023).bytes());
		assertThat(refused).contains("已拒收「别区.xlsx」：这份报表的学校属于区县990103，只能上传本区县（990102）学校的报表，未放入收件箱");
		// the same school with his own 行政区划代码 typed into 基本情况: the 学校名录 says 990103, and
		// that decides
		jdbc.sql("delete from school_registry where school_id = ?").param(other.profile().id().value()).update();
		jdbc.sql(
				"""
						insert into school_registry (school_id, school_name, district_code, school_type, sponsor, urban_rural, status)
						values (?, ?, '990103', ?, ?, ?, '正常')""")
			.params(other.profile().id().value(), other.profile().name(), other.profile().type().label(),
					other.profile().sponsor().label(), other.profile().urbanRural().label())
			.update();
		try {
			byte[] retyped = Workbooks.submission(other, Workbooks.H1_2023).tamper(wb -> {
				for (Row row : wb.getSheet("基本情况")) {
					if (row.getCell(0) != null && row.getCell(0).toString().contains("行政区划代码")) {
						row.getCell(1).setCellValue("990102");
					}
				}
			}).bytes();
			assertThat(upload(qingyuan, "改代码.xlsx", retyped))
				.contains("已拒收「改代码.xlsx」：这份报表的学校属于区县990103，只能上传本区县（990102）学校的报表，未放入收件箱");
		}
		finally {
			jdbc.sql("delete from school_registry where school_id = ?").param(other.profile().id().value()).update();
		}
		byte[] bytes = Workbooks.submission(own, Workbooks.H1_2023).bytes();
		assertThat(upload(qingyuan, "本校.xlsx", bytes)).contains("已放入收件箱：「本校.xlsx」");
		assertThat(upload(qingyuan, "本校.xlsx", bytes)).contains("已放入收件箱：「本校(2).xlsx」");
		assertThat(upload(qingyuan, "~$本校.xlsx", bytes)).contains("Office 临时锁定文件");
		assertThat(upload(qingyuan, ".隐藏.xlsx", bytes)).contains("隐藏文件");
		assertThat(upload(qingyuan, "..", bytes)).contains("已拒收「_」：隐藏文件");
		assertThat(upload(qingyuan, "", bytes)).contains("已放入收件箱：「_」");
		assertThat(upload(qingyuan, "../../逃出.xlsx", bytes)).contains("已放入收件箱：「逃出.xlsx」");
		try (var files = Files.walk(inbox)) {
			assertThat(files.filter(Files::isRegularFile).map(p -> inbox.relativize(p).toString().replace('\\', '/')))
				.containsExactlyInAnyOrder("上传/qy-stat/本校.xlsx", "上传/qy-stat/本校(2).xlsx", "上传/qy-stat/_",
						"上传/qy-stat/逃出.xlsx");
		}
	}

	/**
	 * The administrator recovered from the command line: a new password, printed once, to
	 * be changed at the next login.
	 */
	@Test
	void theAdministratorIsRecoveredFromTheCommandLine() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(resetAdmin.run("recovered-admin", new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
			.isZero();
		Matcher printed = Pattern.compile("的新密码\\(只显示这一次,登录后须修改\\): ([0-9a-f]{18})")
			.matcher(out.toString(StandardCharsets.UTF_8));
		assertThat(printed.find()).isTrue();
		var session = mvc.perform(
				post("/login").param("username", "recovered-admin").param("password", printed.group(1)).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/").session((MockHttpSession) session)).andExpect(redirectedUrl("/password"));
		users.create("not-admin", "not-admin-2023", Role.VIEWER, null);
		assertThat(resetAdmin.run("not-admin", System.out, new PrintStream(OutputStream.nullOutputStream())))
			.isEqualTo(2);
		assertThat(jdbc.sql("select detail from audit_event where act = 'USER_CHANGED' and actor = '命令行'")
			.query(String.class)
			.list()).containsExactly("创建管理员 recovered-admin 的密码");
	}

	@Test
	void aDistrictStatisticianCannotLaunchStopOrRestartTheCityWideRun() throws Exception {
		EdustatUser qingyuan = new EdustatUser("qy-runs", "x", true, Role.STATISTICIAN, "990102");
		for (String path : List.of("/runs", "/runs/1/stop", "/runs/1/restart")) {
			mvc.perform(post(path).with(user(qingyuan)).with(csrf())).andExpect(status().isForbidden());
		}
		String page = mvc.perform(get("/runs").with(user(qingyuan))).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("立即运行");
	}

	@Test
	void aDisabledUserCannotSignInAndAResetPasswordWorks() throws Exception {
		EdustatUser admin = new EdustatUser("root-admin", "x", true, Role.ADMIN, null);
		users.delete("wang");
		users.create("wang", "原密码-2023", Role.STATISTICIAN, null);
		mvc.perform(post("/login").param("username", "wang").param("password", "原密码-2023").with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/users/wang/disable").with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("message", "已停用用户 wang,该用户不能再登录"));
		mvc.perform(post("/login").param("username", "wang").param("password", "原密码-2023").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/users/wang/enable").with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("message", "已启用用户 wang"));
		mvc.perform(post("/users/wang/password").param("password", "新密码-2024").with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("message", "已重设用户 wang 的密码"));
		mvc.perform(post("/login").param("username", "wang").param("password", "原密码-2023").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "wang").param("password", "新密码-2024").with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/users/wang/delete").with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("message", "已删除用户 wang"));
		assertThat(users.find("wang")).isEmpty();
		mvc.perform(post("/users/wang/delete").with(user(STATISTICIAN)).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void theEleventhWrongPasswordInAMinuteLocksTheAccountEvenForTheRightOne() throws Exception {
		users.delete("zhao");
		users.create("zhao", "对的密码-2023", Role.VIEWER, null);
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/login").param("username", "zhao").param("password", "wrong-" + i).with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").param("username", "zhao").param("password", "对的密码-2023").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void everyPageCarriesAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
		for (String path : List.of("/", "/runs", "/files", "/reports", "/upload", "/login")) {
			mvc.perform(get(path).with(user(VIEWER)))
				.andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'self'")))
				.andExpect(header().string("Referrer-Policy", "same-origin"));
		}
	}

	private String upload(EdustatUser user, String name, byte[] bytes) throws Exception {
		return mvc
			.perform(MockMvcRequestBuilders.multipart("/upload")
				.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
				.with(user(user))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String id(EdustatUser user, String name) {
		return downloads.visibleTo(user).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
	}

	private static void write(String relative) throws IOException {
		Path file = OUTPUT.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[] { 1, 2, 3 });
	}

	private static Path createOutput() {
		try {
			return Files.createTempDirectory("edustat-web").resolve("output");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
