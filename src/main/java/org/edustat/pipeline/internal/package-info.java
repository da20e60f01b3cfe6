/**
 * The import step's reader, processor, writer and listeners: thin adapters over the
 * feature services.
 */
@NullMarked
package org.edustat.pipeline.internal;

import org.jspecify.annotations.NullMarked;
