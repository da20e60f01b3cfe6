/**
 * The web UI: launch and watch runs, download reports and feedback workbooks, browse the
 * ledger; access control.
 */
@NullMarked
package org.edustat.web;

import org.jspecify.annotations.NullMarked;
