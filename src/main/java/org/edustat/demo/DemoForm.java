package org.edustat.demo;

import java.nio.file.Path;

import org.edustat.form.Form;
import org.jspecify.annotations.Nullable;

/**
 * The form the demo writes workbooks in: jobs/form.yaml of the working folder, read once.
 */
public final class DemoForm {

	private static volatile @Nullable Form standard;

	private DemoForm() {
	}

	public static Form standard() {
		Form form = standard;
		if (form == null) {
			form = Form.load(Path.of("jobs", "form.yaml"));
			standard = form;
		}
		return form;
	}

}
