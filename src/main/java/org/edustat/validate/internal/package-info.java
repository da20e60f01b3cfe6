/**
 * The expression engine: JEXL in its secure sandbox, behind
 * {@link org.edustat.validate.Expression}.
 */
package org.edustat.validate.internal;
