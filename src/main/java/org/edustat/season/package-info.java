/**
 * The reporting season: the audit trail of every act, the lock of a period, and the 审核 of
 * schools by their 区县 and of 区县 by the city; the owner of audit_event, period_lock,
 * school_review and district_review.
 */
@NullMarked
package org.edustat.season;

import org.jspecify.annotations.NullMarked;
