/**
 * What EduStat writes for people: feedback workbooks (回执) for schools and the comparative
 * reports.
 */
package org.edustat.reports;
