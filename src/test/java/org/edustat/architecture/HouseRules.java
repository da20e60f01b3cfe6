package org.edustat.architecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house, written for any base package so that the same rules can be run
 * over the application and over the deliberately misbehaving fixtures that show each of
 * them catching its violation.
 */
final class HouseRules {

	/**
	 * The features in the order of the data's path: each may use only those before it.
	 */
	static final List<String> FEATURES = List.of("form", "intake", "ledger", "normalise", "validate", "indicators",
			"examine", "load", "reports", "users", "season", "demo");

	private final String base;

	HouseRules(String base) {
		this.base = base;
	}

	/** web → cli / benchmark → pipeline → features → core; nothing depends on web. */
	ArchRule layers() {
		return layeredArchitecture().consideringOnlyDependenciesInAnyPackage(base + "..")
			.withOptionalLayers(true)
			.layer("application")
			.definedBy(base)
			.layer("web")
			.definedBy(base + ".web..")
			.layer("commands")
			.definedBy(base + ".cli..", base + ".benchmark..")
			.layer("pipeline")
			.definedBy(base + ".pipeline..")
			.layer("features")
			.definedBy(FEATURES.stream().map(f -> base + "." + f + "..").toArray(String[]::new))
			.layer("core")
			.definedBy(base + ".core..")
			.whereLayer("web")
			.mayOnlyBeAccessedByLayers("application")
			.whereLayer("commands")
			.mayOnlyBeAccessedByLayers("application")
			.whereLayer("pipeline")
			.mayOnlyBeAccessedByLayers("web", "commands", "application")
			.whereLayer("features")
			.mayOnlyBeAccessedByLayers("pipeline", "web", "commands", "application", "features")
			.as("layers: web → cli / benchmark → pipeline → features → core");
	}

	/** Among the features, each depends only on those before it along the data's path. */
	ArchRule featuresFollowTheData() {
		return ArchRuleDefinition.classes()
			.that()
			.resideInAnyPackage(FEATURES.stream().map(f -> base + "." + f + "..").toArray(String[]::new))
			.should(new ArchCondition<JavaClass>("depend only on features before their own along the data's path") {
				@Override
				public void check(JavaClass item, ConditionEvents events) {
					int own = FEATURES.indexOf(feature(item.getPackageName()));
					for (Dependency d : item.getDirectDependenciesFromSelf()) {
						String target = feature(d.getTargetClass().getPackageName());
						if (target != null && FEATURES.indexOf(target) > own) {
							events.add(SimpleConditionEvent.violated(d, d.getDescription()));
						}
					}
				}
			})
			.as("features follow the data: " + String.join(" → ", FEATURES));
	}

	/** A module's {@code internal} package is used by that module alone. */
	ArchRule internalsStayInside() {
		return ArchRuleDefinition.classes()
			.that()
			.resideInAPackage(base + "..")
			.should(new ArchCondition<JavaClass>("use no other module's internal package") {
				@Override
				public void check(JavaClass item, ConditionEvents events) {
					String own = module(item.getPackageName());
					for (Dependency d : item.getDirectDependenciesFromSelf()) {
						String target = d.getTargetClass().getPackageName();
						if (target.startsWith(base + ".") && target.contains(".internal")
								&& !own.equals(module(target))) {
							events.add(SimpleConditionEvent.violated(d, d.getDescription()));
						}
					}
				}
			})
			.as("internals stay inside their module");
	}

	/** No two modules depend on each other, directly or around a loop. */
	ArchRule noCycles() {
		return slices().matching(base + ".(*)..").should().beFreeOfCycles().as("no cycles between modules");
	}

	/**
	 * The domain is plain Java: core, form, validate and indicators import no Spring, POI
	 * or Batch.
	 */
	ArchRule domainIsPlainJava() {
		return noClasses().that()
			.resideInAnyPackage(base + ".core..", base + ".form..", base + ".validate..", base + ".indicators..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.poi..")
			.as("core, form, validate and indicators are free of Spring, POI and Batch");
	}

	/** The web reads through the features that own the tables, never a table itself. */
	ArchRule webReadsNoTable() {
		return noClasses().that()
			.resideInAPackage(base + ".web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
			.as("the web reads no table");
	}

	/** The features do not use the demo generator. */
	ArchRule featuresUseNoDemo() {
		List<String> features = new ArrayList<>(FEATURES);
		features.remove("demo");
		features.add("core");
		features.add("pipeline");
		features.add("web");
		return noClasses().that()
			.resideInAnyPackage(features.stream().map(f -> base + "." + f + "..").toArray(String[]::new))
			.should()
			.dependOnClassesThat()
			.resideInAPackage(base + ".demo..")
			.as("the product does not use the demo generator");
	}

	List<ArchRule> all() {
		return List.of(layers(), featuresFollowTheData(), internalsStayInside(), noCycles(), domainIsPlainJava(),
				webReadsNoTable(), featuresUseNoDemo());
	}

	private String feature(String packageName) {
		String module = module(packageName);
		return FEATURES.contains(module) ? module : null;
	}

	private String module(String packageName) {
		if (!packageName.startsWith(base + ".")) {
			return "";
		}
		String rest = packageName.substring(base.length() + 1);
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

}
