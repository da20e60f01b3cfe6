/** The audit rules (审核规则): read from jobs/rules, evaluated in a JEXL sandbox over a normalised submission. */
package org.edustat.validate;
