package org.edustat.web;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edustat.cli.ImportCommand;
import org.edustat.core.Period;
import org.edustat.demo.DemoSchool;
import org.edustat.demo.Roster;
import org.edustat.pipeline.TestFolders;
import org.edustat.testing.Workbooks;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON API: its answers equal the report's cells (read from the CSV written beside
 * the report, itself read back from the workbook), a 区县 user gets only its 区县, lists are
 * paged, and the OpenAPI document names every path.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIntegrationTests {

	static final Path ROOT = TestFolders.root("edustat-api");

	static final EdustatUser CITY = new EdustatUser("api-city", "x", true, Role.VIEWER, null);

	static final EdustatUser QINGYUAN = new EdustatUser("api-qy", "x", true, Role.STATISTICIAN, "990102");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:api;DB_CLOSE_DELAY=-1");
		TestFolders.folders(registry, ROOT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ImportCommand importCommand;

	final ObjectMapper json = new ObjectMapper();

	@BeforeAll
	void twoPeriodsLoaded() throws Exception {
		FileSystemUtils.deleteRecursively(ROOT);
		Path inbox = ROOT.resolve("input");
		List<DemoSchool> schools = Roster.schools(18, Workbooks.SEED);
		Workbooks.city(inbox, schools, List.of(Period.parse("2022H1"), Period.parse("2023H1")));
		importCommand.run(new PrintStream(OutputStream.nullOutputStream()));
	}

	@Test
	void theApiSaysWhatTheReportSays() throws Exception {
		Map<String, BigDecimal> report = new HashMap<>();
		List<String> lines = Files.readAllLines(ROOT.resolve("output/2023H1 半年报_明细数据.csv"), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells[0].equals("990102") && !cells[header.indexOf("本期")].isEmpty()) {
				report.put(cells[header.indexOf("指标代码")] + "|" + cells[header.indexOf("分组")],
						new BigDecimal(cells[header.indexOf("本期")]).setScale(6, RoundingMode.HALF_UP));
			}
		}
		JsonNode answer = read(CITY, "/api/periods/2023H1/areas/990102/indicators");
		Map<String, BigDecimal> api = new HashMap<>();
		answer.forEach(v -> {
			if (!v.get("value").isNull()) {
				api.put(v.get("indicator").asText() + "|" + v.get("group").asText(),
						v.get("value").decimalValue().setScale(6, RoundingMode.HALF_UP));
			}
		});
		assertThat(api).isNotEmpty().isEqualTo(report);
		assertThat(answer.get(0).get("name").asText()).isNotBlank();
		assertThat(read(CITY, "/api/periods/2023H1/areas/990102/indicators?group=小学"))
			.allSatisfy(v -> assertThat(v.get("group").asText()).isEqualTo("小学"));

		JsonNode periods = read(CITY, "/api/periods");
		assertThat(periods.get(0).get("code").asText()).isEqualTo("2023H1");
		assertThat(periods.get(0).get("reported").asLong()).isEqualTo(18);
		assertThat(read(QINGYUAN, "/api/periods").get(0).get("reported").asLong()).isEqualTo(3);
	}

	@Test
	void aDistrictUserReadsItsOwnDistrictOnlyAndListsArePaged() throws Exception {
		mvc.perform(get("/api/periods/2023H1/areas/990103/indicators").with(user(QINGYUAN)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/periods/2023H1/areas/990100/indicators").with(user(QINGYUAN)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/periods/2023H1/schools?district=990103").with(user(QINGYUAN)))
			.andExpect(status().isForbidden());
		JsonNode own = read(QINGYUAN, "/api/periods/2023H1/schools");
		assertThat(own.get("total").asLong()).isEqualTo(3);
		assertThat(own.get("items")).allSatisfy(s -> assertThat(s.get("district").asText()).isEqualTo("990102"));
		JsonNode second = read(CITY, "/api/periods/2023H1/schools?page=2&size=5");
		assertThat(second.get("total").asLong()).isEqualTo(18);
		assertThat(second.get("items")).hasSize(5);
		assertThat(second.get("items").get(0).get("state").asText()).isEqualTo("已报送");
		mvc.perform(get("/api/periods/2023H1/schools?size=0").with(user(CITY))).andExpect(status().isBadRequest());
		// a school's key figures as 学校明细 gives them
		JsonNode school = second.get("items").get(0);
		List<String> lines = Files.readAllLines(ROOT.resolve("output/2023H1 半年报_学校明细.csv"), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
		String[] row = lines.stream()
			.filter(l -> l.startsWith(school.get("id").asText() + ","))
			.findFirst()
			.orElseThrow()
			.split(",", -1);
		assertThat(school.get("figures").get("students").decimalValue().doubleValue())
			.isEqualTo(Double.parseDouble(row[header.indexOf("在校生数(人)")]));
		assertThat(school.get("lastYear").get("students").decimalValue().doubleValue())
			.isEqualTo(Double.parseDouble(row[header.indexOf("在校生数上年同期")]));
		assertThat(school.get("rankInDistrict").asInt())
			.isEqualTo(Integer.parseInt(row[header.indexOf("区县内位次(在校生数)")]));
		mvc.perform(get("/api/periods")
			.with(user(new EdustatUser("a-school", "x", true, Role.SCHOOL, "990102", "3901020001", false))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/periods")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theApiIsDocumentedWithOpenApi() throws Exception {
		JsonNode doc = read(CITY, "/v3/api-docs");
		assertThat(doc.get("openapi").asText()).startsWith("3.");
		assertThat(doc.get("info").get("title").asText()).isNotBlank();
		assertThat(doc.get("paths").has("/api/periods")).isTrue();
		assertThat(doc.get("paths").has("/api/periods/{period}/areas/{area}/indicators")).isTrue();
		assertThat(doc.get("paths").has("/api/periods/{period}/schools")).isTrue();
	}

	private JsonNode read(EdustatUser who, String path) throws Exception {
		String body = mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(body);
	}

}
