package org.edustat.demo;

import org.edustat.core.SchoolProfile;

/** A school of the fictional city, with the scale its figures are drawn at. */
public record DemoSchool(SchoolProfile profile, int index, double scale) {
}
