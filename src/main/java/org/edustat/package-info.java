/**
 * EduStat: the application's start (command line or server) and its modules below.
 */
@NullMarked
package org.edustat;

import org.jspecify.annotations.NullMarked;
