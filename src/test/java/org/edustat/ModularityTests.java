package org.edustat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way (pipeline → features → core), and the domain packages import no framework. */
class ModularityTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.edustat");

	@Test
	void coreAndValidateImportNoSpringPoiOrBatch() {
		noClasses().that().resideInAnyPackage("org.edustat.core..", "org.edustat.validate..", "org.edustat.form..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.poi..")
			.check(CLASSES);
	}

	@Test
	void coreDependsOnNothingOfTheProject() {
		noClasses().that().resideInAPackage("org.edustat.core..")
			.should().dependOnClassesThat().resideInAnyPackage("org.edustat.intake..", "org.edustat.normalise..",
					"org.edustat.validate..", "org.edustat.load..", "org.edustat.reports..", "org.edustat.pipeline..",
					"org.edustat.demo..", "org.edustat.form..")
			.check(CLASSES);
	}

	@Test
	void theFormDependsOnTheCoreAlone() {
		noClasses().that().resideInAPackage("org.edustat.form..")
			.should().dependOnClassesThat().resideInAnyPackage("org.edustat.intake..", "org.edustat.normalise..",
					"org.edustat.validate..", "org.edustat.load..", "org.edustat.indicators..", "org.edustat.reports..",
					"org.edustat.pipeline..", "org.edustat.demo..", "org.edustat.web..")
			.check(CLASSES);
	}

	@Test
	void onlyTheWebAndTheApplicationDependOnThePipeline() {
		noClasses().that().resideOutsideOfPackages("org.edustat.pipeline..", "org.edustat.web..")
			.and().doNotHaveFullyQualifiedName(EdustatApplication.class.getName())
			.should().dependOnClassesThat().resideInAPackage("org.edustat.pipeline..")
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnTheWeb() {
		noClasses().that().resideOutsideOfPackages("org.edustat.web..")
			.should().dependOnClassesThat().resideInAPackage("org.edustat.web..")
			.check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnTheDemoGenerator() {
		noClasses().that().resideInAnyPackage("org.edustat.intake..", "org.edustat.normalise..", "org.edustat.validate..",
				"org.edustat.load..", "org.edustat.reports..", "org.edustat.core..", "org.edustat.form..")
			.should().dependOnClassesThat().resideInAPackage("org.edustat.demo..")
			.check(CLASSES);
	}
}
