package org.edustat.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.edustat.core.FileFormat;
import org.edustat.core.SchoolType;
import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server in its own JVM under {@code -Xmx256m -XX:+ExitOnOutOfMemoryError}, as an
 * operator would start it on a small machine, under what an adversary sends: a flood of
 * anonymous logins with megabyte and 60-kilobyte usernames and of visits of the login
 * page (each a session) past the session limit, then the upload of each workbook built to
 * exhaust memory — a workbook part listing 2.2 million sheets, a cell of 60 million
 * characters, two workbooks of long cells at once, two 19 MB .xls at once. The server
 * must still answer, refuse each with a reason, take a clean workbook afterwards, and
 * never exit.
 */
@Tag("slow")
class ServerMemoryIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** Sessions the server holds at once, here; the anonymous visits below are more. */
	private static final int MAX_SESSIONS = 4_000;

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path work;

	int port;

	/** No cookies kept: every request is a stranger's. */
	private final HttpClient anonymous = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	@Test
	void survivesTheLoginFloodAndEveryMemoryCaseUploaded() throws Exception {
		port = freePort();
		Path gcLog = work.resolve("gc.log");
		Process server = ImportJobIntegrationTestsSupport.startJvm(work, "serve", port, "-XX:+ExitOnOutOfMemoryError",
				"-Xlog:gc:file=" + gcLog, "--edustat.web.max-sessions=" + MAX_SESSIONS);
		Path log = work.resolve("serve-" + server.pid() + ".log");
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (!(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("(server started)"))) {
				assertThat(server.isAlive()).as("the server is running").isTrue();
				assertThat(System.nanoTime()).as("the server started in time").isLessThan(deadline);
				Thread.sleep(100);
			}

			// the city's people logged in before the flood: their sessions go on whatever
			// strangers do
			Session city = new Session();
			city.login("admin", "kill-test-2023");
			assertThat(city.post("/users",
					Map.of("username", "city", "password", "city-2023-pass", "role", "STATISTICIAN"), "/users"))
				.isEqualTo(302);
			Session statistician = new Session();
			statistician.login("city", "city-2023-pass");
			List<Session> others = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				others.add(new Session());
				others.get(i).login("city", "city-2023-pass");
			}

			// 200 anonymous logins with 1.9 MB usernames, and 3,000 with distinct 60 KB
			// ones, four at a time
			Map<Integer, Integer> answers = new LinkedHashMap<>();
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Future<Integer>> flood = new ArrayList<>();
				for (int i = 0; i < 3_200; i++) {
					int n = i;
					flood.add(pool.submit(() -> floodLogin(n < 200 ? 1_900_000 : 60_000, n)));
				}
				// and visits of the login page, each a session of its own (its token),
				// more than the server holds
				for (int i = 0; i < MAX_SESSIONS + 2_000; i++) {
					flood.add(pool.submit(this::visitLogin));
				}
				for (Future<Integer> f : flood) {
					answers.merge(f.get(5, TimeUnit.MINUTES), 1, Integer::sum);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(server.isAlive()).as("the server survived the login flood; answers " + answers).isTrue();
			assertThat(answers.keySet()).as("every login of the flood was answered, none with a server error")
				.allMatch(status -> status < 500 || status == 503);
			assertThat(answers.get(503)).as("visits refused once the server holds %d sessions", MAX_SESSIONS)
				.isPositive();
			assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("one warning a minute, not one a visit")
				.containsOnlyOnce("会话已满(" + MAX_SESSIONS + "个)");
			Map<String, Double> peaks = new LinkedHashMap<>();
			peaks.put("login flood", FuzzIntegrationTests.peakAfterGc(gcLog));

			byte[] clean = Workbooks.submission(Workbooks.school(SchoolType.PRIMARY), Workbooks.H1_2023).bytes();
			Map<String, byte[]> cases = new LinkedHashMap<>();
			cases.put("表单泛滥.xlsx", sheetFlood(clean, 2_200_000));
			cases.put("超长单元格.xlsx", hugeCell(clean, 60_000_000));
			Map<String, String> verdicts = new LinkedHashMap<>();
			for (Map.Entry<String, byte[]> c : cases.entrySet()) {
				verdicts.put(c.getKey(), statistician.upload(c.getKey(), c.getValue()));
				assertThat(server.isAlive()).as("alive after " + c.getKey()).isTrue();
				peaks.put(c.getKey(), FuzzIntegrationTests.peakAfterGc(gcLog));
			}
			// two at once, of each kind that a reader holds whole
			Map<String, byte[]> pairs = new LinkedHashMap<>();
			pairs.put("长文字甲.xlsx", longCells(clean, 1));
			pairs.put("长文字乙.xlsx", longCells(clean, 2));
			byte[] bigXls = bigXls();
			pairs.put("大表甲.xls", bigXls);
			pairs.put("大表乙.xls", bigXls);
			List<String> names = new ArrayList<>(pairs.keySet());
			for (int i = 0; i < names.size(); i += 2) {
				ExecutorService two = Executors.newFixedThreadPool(2);
				try {
					List<Future<String>> both = new ArrayList<>();
					for (int k = 0; k < 2; k++) {
						String name = names.get(i + k);
						Session session = others.get(i + k);
						Callable<String> upload = () -> session.upload(name, pairs.get(name));
						both.add(two.submit(upload));
					}
					for (int k = 0; k < 2; k++) {
						verdicts.put(names.get(i + k), both.get(k).get(5, TimeUnit.MINUTES));
					}
				}
				finally {
					two.shutdownNow();
				}
				assertThat(server.isAlive()).as("alive after " + names.subList(i, i + 2)).isTrue();
				peaks.put(String.join("+", names.subList(i, i + 2)), FuzzIntegrationTests.peakAfterGc(gcLog));
			}
			assertThat(verdicts).allSatisfy((name, page) -> assertThat(page).as(name)
				.containsAnyOf("审核结论：退回，不能入库", "已放入收件箱")
				.doesNotContain("Exception"));
			assertThat(verdicts.get("表单泛滥.xlsx")).contains("F06");
			assertThat(verdicts.get("超长单元格.xlsx")).containsAnyOf("F04", "F06");

			assertThat(statistician.upload("对照.xlsx", clean)).contains("已放入收件箱：「对照.xlsx」");
			assertThat(server.isAlive()).isTrue();
			double peak = FuzzIntegrationTests.peakAfterGc(gcLog);
			assertThat(peak).as("the largest heap left after a collection, MB").isLessThan(256);
			Files.writeString(Path.of("target", "server-memory-summary.txt"),
					String.format(
							"""
									server -Xmx256m -XX:+ExitOnOutOfMemoryError: alive after the login flood (answers %s) and %d memory uploads
									peak heap after GC: %.1f MB; the peak so far after each step (MB): %s
									""",
							answers, verdicts.size(), peak, peaks),
					StandardCharsets.UTF_8);
		}
		finally {
			server.destroy();
			server.waitFor(1, TimeUnit.MINUTES);
		}
		assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
	}

	private int floodLogin(int length, int n) throws IOException, InterruptedException {
		StringBuilder name = new StringBuilder(length);
		String prefix = Integer.toString(n, 36);
		while (name.length() < length) {
			name.append(prefix).append('x');
		}
		HttpRequest request = HttpRequest.newBuilder(uri("/login"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + name.substring(0, length) + "&password=x"))
			.build();
		try {
			return anonymous.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			// the server may close a connection whose body it will not read: an answer,
			// not a failure
			return 499;
		}
	}

	private int visitLogin() throws IOException, InterruptedException {
		return anonymous
			.send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** A logged-in browser of its own: cookies kept, redirects not followed. */
	private final class Session {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(30))
			.build();

		void login(String username, String password) throws Exception {
			String token = token("/login");
			HttpResponse<String> response = client.send(
					form("/login", "username=" + username + "&password=" + password + "&_csrf=" + token),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.headers().firstValue("Location").orElse("")).as("login of " + username)
				.doesNotContain("error");
		}

		int post(String path, Map<String, String> fields, String page) throws Exception {
			StringBuilder body = new StringBuilder("_csrf=" + token(page));
			fields.forEach((k, v) -> body.append('&').append(k).append('=').append(v));
			return client.send(form(path, body.toString()), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		String upload(String name, byte[] bytes) throws Exception {
			String token = token("/upload");
			String boundary = "----edustat" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			write(body,
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n");
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			body.write(bytes);
			write(body, "\r\n--" + boundary + "--\r\n");
			HttpRequest request = HttpRequest.newBuilder(uri("/upload"))
				.timeout(Duration.ofMinutes(5))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			HttpResponse<String> response = client.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as("upload of " + name).isEqualTo(200);
			return response.body();
		}

		private String token(String page) throws Exception {
			String html = client.send(HttpRequest.newBuilder(uri(page)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher m = CSRF.matcher(html);
			assertThat(m.find()).as("a CSRF token on " + page).isTrue();
			return m.group(1);
		}

		private HttpRequest form(String path, String body) {
			return HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
		}

	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes a part of a workbook anew; the others copied. */
	private interface Part {

		void write(OutputStream out) throws IOException;

	}

	private static byte[] replacing(byte[] xlsx, String name, Part part) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals(name)) {
					part.write(zip);
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static byte[] sheetFlood(byte[] xlsx, int sheets) throws IOException {
		return replacing(xlsx, "xl/workbook.xml", out -> {
			write(out,
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
							+ "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
			for (int i = 1; i <= sheets; i++) {
				write(out, "<sheet name=\"S" + i + "\" sheetId=\"" + i + "\" r:id=\"rId1\"/>");
			}
			write(out, "</sheets></workbook>");
		});
	}

	/**
	 * One shared string of the given length, varied enough that it is not refused for its
	 * ratio alone.
	 */
	private static byte[] hugeCell(byte[] xlsx, int length) throws IOException {
		Random random = new Random(7);
		return replacing(xlsx, "xl/sharedStrings.xml", out -> {
			write(out,
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
							+ "<si><t>");
			byte[] chunk = new byte[1_000_000];
			for (int written = 0; written < length; written += chunk.length) {
				for (int i = 0; i < chunk.length; i++) {
					chunk[i] = (byte) (i % 64 == 0 ? 'a' + random.nextInt(26) : 'a');
				}
				out.write(chunk);
			}
			write(out, "</t></si></sst>");
		});
	}

	/** Shared strings of 30,000 random letters each, about 2.9 MB packed. */
	private static byte[] longCells(byte[] xlsx, long seed) throws IOException {
		Random random = new Random(seed);
		return replacing(xlsx, "xl/sharedStrings.xml", out -> {
			write(out,
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
			byte[] text = new byte[30_000];
			for (int s = 0; s < 160; s++) {
				for (int i = 0; i < text.length; i++) {
					text[i] = (byte) ('a' + random.nextInt(26));
				}
				write(out, "<si><t>");
				out.write(text);
				write(out, "</t></si>");
			}
			write(out, "</sst>");
		});
	}

	/**
	 * An .xls of about 19 MB (an extra sheet of 65,000 rows × 15 figures), under the 20
	 * MB file limit.
	 */
	private static byte[] bigXls() throws IOException {
		byte[] xls = Workbooks.submission(Workbooks.school(SchoolType.JUNIOR), Workbooks.H1_2023)
			.format(FileFormat.XLS)
			.tamper(wb -> {
				Sheet extra = wb.createSheet("附表");
				for (int r = 0; r < 65_000; r++) {
					Row row = extra.createRow(r);
					for (int c = 0; c < 15; c++) {
						row.createCell(c).setCellValue(r * 31.0 + c);
					}
				}
			})
			.bytes();
		assertThat(xls.length).isGreaterThan(10_000_000).isLessThan(20 * 1024 * 1024);
		return xls;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
