/** The inbox, the file ledger and the hostile-file guard: what arrives, what became of it, and what is refused. */
package org.edustat.intake;
