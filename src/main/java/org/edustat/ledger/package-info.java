/**
 * The file ledger: the only owner of inbox_file, finding and run_count; statuses as an
 * enum mapped in one place.
 */
@NullMarked
package org.edustat.ledger;

import org.jspecify.annotations.NullMarked;
