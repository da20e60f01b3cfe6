package org.edustat.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edustat.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules files: every code of the contract present, and a file that cannot be used
 * refused at load.
 */
class RuleBookTests {

	@TempDir
	Path folder;

	@Test
	void shipsEveryRuleOfTheContract() {
		assertThat(RuleBook.load(Path.of("jobs/rules"), Workbooks.FORM).codes()).containsExactlyInAnyOrder("S01", "S02",
				"S03", "S04", "S05", "T01", "T02", "C01", "C02", "H01", "H02", "X01", "X02", "X03", "X04", "Y01", "Y02",
				"Y03");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"a method call on the runtime|''.getClass().forName('java.lang.Runtime')|表达式「''.getClass().forName('java.lang.Runtime')」无法解析或不被允许",
			"a new Java object|new('java.io.File', '/etc/passwd') != null|表达式「new('java.io.File', '/etc/passwd') != null」无法解析或不被允许",
			"a Java class by name|java.lang.Runtime == null|引用了未知的变量「java.lang.Runtime」",
			"an assignment|students = 0|无法解析或不被允许", "a loop|for (x : [1, 2]) { x }|无法解析或不被允许" })
	void refusesAnExpressionThatReachesOutsideTheData(String what, String expression, String message)
			throws IOException {
		write("- code: Z99\n  severity: error\n  scope: row\n  sheet: 学生\n  check: \""
				+ expression.replace("\"", "\\\"") + "\"\n  message: 出错\n");
		assertThatThrownBy(() -> RuleBook.load(folder, Workbooks.FORM)).isInstanceOf(RuleFileException.class)
			.hasMessageContaining("规则文件 bad.yaml 中的规则 Z99")
			.hasMessageContaining(message);
	}

	@Test
	void refusesADuplicateCode() throws IOException {
		write("- {code: Z1, severity: error, scope: school, check: 'students >= 0', message: a}\n"
				+ "- {code: Z1, severity: error, scope: school, check: 'students >= 0', message: b}\n");
		assertThatThrownBy(() -> RuleBook.load(folder, Workbooks.FORM))
			.hasMessage("规则文件 bad.yaml 中的规则 Z1:规则代码重复 (rules file bad.yaml, rule Z1: duplicate rule code)");
	}

	@Test
	void refusesARuleWithoutAMessage() throws IOException {
		write("- {code: Z2, severity: warning, scope: school, check: 'students >= 0'}\n");
		assertThatThrownBy(() -> RuleBook.load(folder, Workbooks.FORM)).hasMessage(
				"规则文件 bad.yaml 中的规则 Z2:缺少 message(给学校看的中文说明) (rules file bad.yaml, rule Z2: rule without a message)");
	}

	@Test
	void refusesAnUnknownKey() throws IOException {
		write("- {code: Z3, severity: warning, scope: school, check: 'students >= 0', message: m, threshold: 5}\n");
		assertThatThrownBy(() -> RuleBook.load(folder, Workbooks.FORM)).isInstanceOf(RuleFileException.class)
			.hasMessageStartingWith("规则文件 bad.yaml 格式错误 (invalid rules file)")
			.hasMessageContaining("threshold");
	}

	@Test
	void refusesAnUnknownParameter() throws IOException {
		write("- {code: Z4, severity: warning, scope: row, sheet: 学生, check: 'students <= params.big', message: m, params: {large: 5}}\n");
		assertThatThrownBy(() -> RuleBook.load(folder, Workbooks.FORM))
			.hasMessageContaining("引用了未知的「params.big」,可用 [large]");
	}

	private void write(String yaml) throws IOException {
		Files.writeString(folder.resolve("bad.yaml"), yaml);
	}

}
