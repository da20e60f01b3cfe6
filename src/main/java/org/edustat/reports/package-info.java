/**
 * What EduStat writes for people: feedback workbooks (回执) for schools and the comparative
 * reports.
 */
@NullMarked
package org.edustat.reports;

import org.jspecify.annotations.NullMarked;
