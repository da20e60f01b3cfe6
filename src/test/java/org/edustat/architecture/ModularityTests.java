package org.edustat.architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.edustat.EdustatApplication;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module graph: Spring Modulith's verification (no cycles, no use of another module's
 * internals) and the house rules, each run over the application — where it holds — and
 * over a misbehaving fixture — where it must fail, naming the class that breaks it.
 */
class ModularityTests {

	static final JavaClasses APPLICATION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.edustat");

	static final JavaClasses MISFITS = new ClassFileImporter().importPackages("misfits.edustat");

	static final HouseRules HOUSE = new HouseRules("org.edustat");

	static final HouseRules MISFIT_HOUSE = new HouseRules("misfits.edustat");

	@Test
	void springModulithVerifiesTheModules() {
		ApplicationModules modules = ApplicationModules.of(EdustatApplication.class);
		modules.verify();
		assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("intake", "ledger", "normalise",
				"validate", "indicators", "examine", "load", "reports", "pipeline", "cli", "web");
	}

	@Test
	void springModulithRefusesTheMisfits() {
		ApplicationModules misfits = ApplicationModules.of("misfits.edustat", location -> true);
		assertThatThrownBy(misfits::verify).hasMessageContaining("Cycle")
			.hasMessageContaining("misfits.edustat.normalise.internal.PoiReader");
	}

	@Test
	void moduleDocumentationIsWrittenToDocs() throws Exception {
		new Documenter(ApplicationModules.of(EdustatApplication.class),
				Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(Path.of("docs/modules"))) {
			for (Path file : files.toList()) {
				Files.write(file, inOneOrder(Files.readAllLines(file)));
			}
		}
		assertThat(Files.readString(Path.of("docs/modules/components.puml"))).contains("Examine")
			.contains("Ledger")
			.contains("Season");
		assertThat(inOneOrder(List.of("x", "Rel(b)", "Rel(a)", "}", "* `b`", "* `a`"))).containsExactly("x", "Rel(a)",
				"Rel(b)", "}", "* `a`", "* `b`");
	}

	/**
	 * The documenter lists relations, components and the types of a canvas in the order
	 * it met them, which differs from run to run: each run of such lines is sorted, so
	 * the committed files change only when the modules do.
	 */
	static List<String> inOneOrder(List<String> lines) {
		List<String> out = new ArrayList<>();
		List<String> run = new ArrayList<>();
		String kind = null;
		for (String line : lines) {
			String k = line.startsWith("Rel(") ? "rel"
					: line.strip().startsWith("Component(") ? "component" : line.startsWith("* `") ? "item" : null;
			if (!Objects.equals(k, kind) || k == null) {
				Collections.sort(run);
				out.addAll(run);
				run.clear();
			}
			kind = k;
			if (k == null) {
				out.add(line);
			}
			else {
				run.add(line);
			}
		}
		Collections.sort(run);
		out.addAll(run);
		return out;
	}

	@Test
	void layers() {
		holdsAndCatches(HOUSE.layers(), MISFIT_HOUSE.layers(), "KnowsTheJob");
	}

	@Test
	void featuresFollowTheData() {
		holdsAndCatches(HOUSE.featuresFollowTheData(), MISFIT_HOUSE.featuresFollowTheData(), "KnowsTheReports");
	}

	@Test
	void internalsStayInside() {
		holdsAndCatches(HOUSE.internalsStayInside(), MISFIT_HOUSE.internalsStayInside(), "UsesAnotherModulesInternals");
	}

	@Test
	void noCycles() {
		holdsAndCatches(HOUSE.noCycles(), MISFIT_HOUSE.noCycles(), "Loader");
	}

	@Test
	void domainIsPlainJava() {
		holdsAndCatches(HOUSE.domainIsPlainJava(), MISFIT_HOUSE.domainIsPlainJava(), "SpringIndicator");
	}

	@Test
	void webReadsNoTable() {
		holdsAndCatches(HOUSE.webReadsNoTable(), MISFIT_HOUSE.webReadsNoTable(), "ReadsATable");
	}

	@Test
	void theProductDoesNotUseTheDemoGenerator() {
		HOUSE.featuresUseNoDemo().check(APPLICATION);
	}

	/**
	 * Every package of the product says that what it does not mark @Nullable is never
	 * null (JSpecify's @NullMarked), so that NullAway, run by the compiler, checks all of
	 * it; the misfits' packages say nothing, and the rule names one of their classes.
	 */
	@Test
	void everyPackageIsNullMarked() {
		List<String> unmarked = APPLICATION.stream()
			.filter(c -> !c.getPackage().isAnnotatedWith(NullMarked.class))
			.map(JavaClass::getName)
			.toList();
		assertThat(unmarked).isEmpty();
		assertThat(
				MISFITS.stream().filter(c -> !c.getPackage().isAnnotatedWith(NullMarked.class)).map(JavaClass::getName))
			.isNotEmpty();
	}

	/**
	 * No class of the product's code over 250 lines, as the formatter leaves it: a class
	 * that grows past it does more than one thing.
	 */
	@Test
	void noMainClassIsLongerThan250Lines() throws Exception {
		List<String> longer = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				int lines = Files.readAllLines(file).size();
				if (lines > 250) {
					longer.add(file + ": " + lines);
				}
			}
		}
		assertThat(longer).isEmpty();
	}

	private static void holdsAndCatches(ArchRule rule, ArchRule misfitRule, String culprit) {
		rule.check(APPLICATION);
		assertThatThrownBy(() -> misfitRule.check(MISFITS)).isInstanceOf(AssertionError.class)
			.hasMessageContaining(misfitRule.getDescription())
			.hasMessageContaining(culprit);
	}

}
