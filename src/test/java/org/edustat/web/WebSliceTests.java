package org.edustat.web;

import org.edustat.ledger.Ledger;
import org.edustat.ledger.LedgerReadings;
import org.edustat.load.Coverage;
import org.edustat.users.LoginAttempts;
import org.edustat.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every web slice test needs: the real security configuration, the users and the
 * login lock mocked, and the features the pages read (the ledger and coverage) mocked for
 * each test to give its data.
 */
@Import(SecurityConfiguration.class)
abstract class WebSliceTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Ledger ledger;

	@MockitoBean
	LedgerReadings readings;

	@MockitoBean
	Coverage coverage;

	@MockitoBean
	Users users;

	@MockitoBean
	LoginAttempts attempts;

}
