/**
 * The expression engine: JEXL in its secure sandbox, behind
 * {@link org.edustat.validate.Expression}.
 */
@NullMarked
package org.edustat.validate.internal;

import org.jspecify.annotations.NullMarked;
