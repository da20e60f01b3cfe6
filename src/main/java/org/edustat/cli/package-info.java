/** The command-line commands: import (with its summary) and dry-run. */
@NullMarked
package org.edustat.cli;

import org.jspecify.annotations.NullMarked;
