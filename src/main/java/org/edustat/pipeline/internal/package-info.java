/**
 * The import step's reader, processor, writer and listeners: thin adapters over the
 * feature services.
 */
package org.edustat.pipeline.internal;
