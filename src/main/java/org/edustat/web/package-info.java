/**
 * The web UI: launch and watch runs, download reports and feedback workbooks, browse the
 * ledger; access control.
 */
package org.edustat.web;
