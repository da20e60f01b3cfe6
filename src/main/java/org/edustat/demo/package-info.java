/**
 * A fictional city's schools and their workbooks, reproducible from a seed: the demo
 * inbox, test fixtures, benchmarks.
 */
@NullMarked
package org.edustat.demo;

import org.jspecify.annotations.NullMarked;
