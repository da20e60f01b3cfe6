/**
 * A fictional city's schools and their workbooks, reproducible from a seed: the demo
 * inbox, test fixtures, benchmarks.
 */
package org.edustat.demo;
