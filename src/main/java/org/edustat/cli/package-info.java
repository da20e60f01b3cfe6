/** The command-line commands: import (with its summary) and dry-run. */
package org.edustat.cli;
