package org.edustat.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.edustat.ledger.FileStatus;
import org.edustat.ledger.LedgerEntry;
import org.edustat.users.EdustatUser;
import org.edustat.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 文件 in the web slice alone: who may see it, the scope of a 区县 user, and what a row
 * shows.
 */
@WebMvcTest(FilesController.class)
class FilesControllerTests extends WebSliceTests {

	@Test
	void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
		mvc.perform(get("/files")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aDistrictUserSeesOnlyTheirDistrictWhateverTheyAskFor() throws Exception {
		given(coverage.districtNames()).willReturn(Map.of("990102", "东岭区", "990103", "西林区"));
		given(readings.search(any(), eq("990102"), any(), any(), anyInt())).willReturn(List.of(new LedgerEntry(5,
				"东岭区/一小.xlsx", "一小.xlsx", 100, "ab", Instant.EPOCH, Instant.EPOCH, "学校报表", "2101000001", "东岭区第一小学",
				"2023H1", "990102", FileStatus.REJECTED, "「一年级」行其中女生30人,多于在校生20人", null, "x", true, 1L)));
		EdustatUser district = new EdustatUser("dong", "{noop}x", true, Role.VIEWER, "990102");

		mvc.perform(get("/files").param("district", "990103").with(user(district)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("东岭区第一小学")))
			.andExpect(content().string(containsString("「一年级」行其中女生30人,多于在校生20人")))
			.andExpect(content().string(not(containsString("西林区"))));
		verify(readings).search(isNull(), eq("990102"), isNull(), isNull(), eq(FilesController.PAGE + 1));
	}

}
