package org.edustat.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.edustat.core.CellRef;
import org.edustat.core.Figure;
import org.edustat.core.Finding;
import org.edustat.core.RegistryEntry;
import org.edustat.core.SheetData;
import org.edustat.core.Stage;
import org.edustat.core.Submission;
import org.edustat.form.Field;
import org.edustat.form.Form;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link RuleBook} to a submission and gives every finding with its cell,
 * message and values.
 */
public final class RuleEngine {

	private final RuleBook book;

	private final History history;

	private final Registry registry;

	/**
	 * Whether a rule reads the school's registry entry: the school rules do, looked up
	 * once a check for all of them.
	 */
	private final boolean readsRegistry;

	public RuleEngine(RuleBook book, History history, Registry registry) {
		this.book = book;
		this.history = history;
		this.registry = registry;
		this.readsRegistry = book.rules().stream().anyMatch(rule -> rule.scope() == Scope.SCHOOL);
	}

	/** Every rule, history rules against the database's earlier periods. */
	public List<Finding> check(Submission submission) {
		return check(submission, lookedUp(submission));
	}

	/** The same, the school's registry entry looked up already. */
	public List<Finding> check(Submission submission, Optional<RegistryEntry> registered) {
		List<Finding> findings = withinTheWorkbook(submission, registered);
		findings.addAll(againstHistory(submission, history));
		return findings;
	}

	/**
	 * The rules that need nothing but the workbook (and the registry): every scope but
	 * history.
	 */
	public List<Finding> withinTheWorkbook(Submission submission) {
		return withinTheWorkbook(submission, lookedUp(submission));
	}

	/** The school's registry entry, looked up only if a rule reads it. */
	private Optional<RegistryEntry> lookedUp(Submission submission) {
		return readsRegistry ? registry.find(submission.school().id()) : Optional.empty();
	}

	/**
	 * The same, the school's registry entry looked up already (the examiner needs it too:
	 * one query a file, not two).
	 */
	public List<Finding> withinTheWorkbook(Submission submission, Optional<RegistryEntry> registered) {
		return check(submission, false, history, registered);
	}

	/**
	 * The history rules, against the earlier periods the given history holds: the import
	 * runs them in order, as each file is recorded, so that they see every earlier
	 * period, including one loaded earlier in the same run.
	 */
	public List<Finding> againstHistory(Submission submission, History earlier) {
		return check(submission, true, earlier, Optional.empty());
	}

	private List<Finding> check(Submission submission, boolean historyRules, History earlier,
			Optional<RegistryEntry> registered) {
		List<Finding> findings = new ArrayList<>();
		Map<String, Object> school = RuleVariables.school(submission);
		Map<String, Object> registryEntry = !historyRules && readsRegistry
				? registered.map(RuleVariables::registry).orElse(null) : null;
		for (Rule rule : book.rules()) {
			if ((rule.scope() == Scope.HISTORY) != historyRules) {
				continue;
			}
			try {
				evaluate(rule, submission, school, registryEntry, findings, earlier);
			}
			catch (ExpressionException ex) {
				throw new RuleFileException(
						RuleBook.fail(rule.file(), rule.code(), "计算出错: " + ex.getMessage(), "evaluation failed")
							.getMessage(),
						ex);
			}
		}
		return findings;
	}

	/**
	 * @param registryEntry the school's registry entry as the rules see it, {@code null}
	 * when it has none
	 */
	private void evaluate(Rule rule, Submission submission, Map<String, Object> school,
			@Nullable Map<String, Object> registryEntry, List<Finding> findings, History earlier) {
		Form form = book.form();
		switch (rule.scope()) {
			case ROW -> submission.sheet(rule.onSheet().name()).ifPresent(sheet -> {
				String totalRow = rule.onSheet().totalRow().map(Field::name).orElse(null);
				sheet.rows().forEach((row, figures) -> {
					Map<String, Object> vars = RuleVariables.base(rule, school);
					Map<String, CellRef> cells = new HashMap<>();
					Set<String> absent = new HashSet<>();
					rule.onSheet().variables().forEach((variable, column) -> {
						Figure figure = figures.get(column);
						if (figure == null) {
							absent.add(variable);
							vars.put(variable, null);
						}
						else {
							vars.put(variable, figure.value());
							cells.put(variable, figure.cell());
						}
					});
					vars.put("row", row);
					vars.put("isTotal", row.equals(totalRow));
					vars.put("gradeTaught",
							rule.onSheet()
								.stageOf(row)
								.flatMap(Stage::ofLabel)
								.map(stage -> submission.school().type().teaches(stage))
								.orElse(true));
					RuleChecks.apply(rule, vars, absent, cells, CellRef.sheet(sheet.sheetName()), findings);
				});
			});
			case TOTAL -> submission.sheet(rule.onSheet().name()).ifPresent(sheet -> {
				String totalRow = rule.onSheet().totalRow().map(Field::name).orElse(null);
				if (totalRow == null) {
					return;
				}
				for (String column : rule.onSheet().variables().values()) {
					Optional<Figure> total = sheet.figure(totalRow, column);
					if (total.isEmpty()) {
						continue;
					}
					BigDecimal sum = BigDecimal.ZERO;
					for (Map.Entry<String, Map<String, Figure>> row : sheet.rows().entrySet()) {
						Figure figure = row.getValue().get(column);
						if (figure != null && !totalRow.equals(row.getKey())) {
							sum = sum.add(figure.value());
						}
					}
					Map<String, Object> vars = RuleVariables.base(rule, school);
					vars.put("total", total.get().value());
					vars.put("sum", sum);
					vars.put("column", column);
					RuleChecks.apply(rule, vars, Set.of(), Map.of("total", total.get().cell()), total.get().cell(),
							findings);
				}
			});
			case SHEET -> submission.sheet(rule.onSheet().name()).ifPresent(sheet -> {
				Map<String, Object> vars = RuleVariables.base(rule, school);
				Map<String, CellRef> cells = new HashMap<>();
				Set<String> absent = new HashSet<>();
				rule.onSheet().variables().forEach((variable, item) -> {
					Optional<Figure> figure = sheet.figure(item, SheetData.VALUE);
					vars.put(variable, figure.map(Figure::value).orElse(null));
					figure.ifPresentOrElse(f -> cells.put(variable, f.cell()), () -> absent.add(variable));
				});
				RuleChecks.apply(rule, vars, absent, cells, CellRef.sheet(sheet.sheetName()), findings);
			});
			case CELL -> {
				// every figure of the workbook: one set of variables, each figure's put
				// over the last one's
				Map<String, Object> vars = RuleVariables.base(rule, school);
				submission.sheets().values().forEach(sheet -> {
					vars.put("sheet", sheet.sheet());
					sheet.rows().forEach((row, figures) -> {
						vars.put("row", row);
						figures.forEach((column, figure) -> {
							vars.put("value", figure.value());
							vars.put("column", column);
							RuleChecks.apply(rule, vars, Set.of(), Map.of("value", figure.cell()), figure.cell(),
									findings);
						});
					});
				});
			}
			case CROSS -> BeyondOneSheet.cross(rule, submission, school, findings);
			case SCHOOL -> {
				Map<String, Object> vars = RuleVariables.base(rule, school);
				Map<String, CellRef> cells = new HashMap<>();
				Set<String> absent = new HashSet<>();
				form.figures().values().forEach(f -> {
					Optional<Figure> figure = submission.sheet(f.sheet()).flatMap(s -> s.figure(f.row(), f.column()));
					vars.put(f.name(), figure.map(Figure::value).orElse(null));
					figure.ifPresentOrElse(found -> cells.put(f.name(), found.cell()), () -> absent.add(f.name()));
				});
				vars.put("registry", registryEntry);
				CellRef basic = CellRef.sheet(Form.BASIC);
				cells.put("school", basic);
				cells.put("registry", basic);
				RuleChecks.apply(rule, vars, absent, cells, basic, findings);
			}
			case HISTORY -> BeyondOneSheet.history(rule, form, submission, school, findings, earlier);
			case PERIOD -> {
			}
		}
	}

}
