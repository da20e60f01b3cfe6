/**
 * The audit rules (审核规则): read from jobs/rules and evaluated over a normalised
 * submission; the engine in {@code internal}.
 */
@NullMarked
package org.edustat.validate;

import org.jspecify.annotations.NullMarked;
