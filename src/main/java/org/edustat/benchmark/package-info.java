/**
 * The benchmark command and its floors (a bare one-thread read), apart from the product.
 */
package org.edustat.benchmark;
