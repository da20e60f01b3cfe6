/**
 * The benchmark command and its floors (a bare one-thread read), apart from the product.
 */
@NullMarked
package org.edustat.benchmark;

import org.jspecify.annotations.NullMarked;
