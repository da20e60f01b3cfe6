/**
 * The bureau's form as data: the sheets, items, rows and columns of the school workbook
 * and of the reference workbooks, with their aliases, types, units and 学段, read from
 * jobs/form.yaml. Every part of the pipeline learns the form here.
 */
@NullMarked
package org.edustat.form;

import org.jspecify.annotations.NullMarked;
