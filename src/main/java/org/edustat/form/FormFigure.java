package org.edustat.form;

/**
 * A cell of the form named for rules: its Chinese label and where it is (for a key–value
 * sheet, the item as row and {@link Form#VALUE} as column).
 */
public record FormFigure(String name, String label, String sheet, String row, String column) {
}
