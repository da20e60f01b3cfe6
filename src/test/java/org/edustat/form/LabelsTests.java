package org.edustat.form;

import java.text.Normalizer;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTests {

	/** What cleaning means, written out without the shortcut for text it leaves alone. */
	private static String reference(String raw) {
		String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder();
		folded.chars()
			.filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\ufeff')
			.forEach(c -> out.append((char) c));
		return out.toString();
	}

	@Test
	void cleansAsNfkcWithoutSpacesWhateverTheCharacters() {
		char[] alphabet = ("在校生数其中女合计一年级班ABCxyz09.,%()():、 \u3000\u00a0\u200b\ufeff\t\nＡＢＣ１２３，．"
				+ "\uf900\uf9dc\u2f00\u4e00\u9fff\u9fa5\u3400\ufe30\u2460\u00bd")
			.toCharArray();
		Random random = new Random(11);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(12); i > 0; i--) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			assertThat(Labels.clean(text.toString())).as("clean of «%s»", text).isEqualTo(reference(text.toString()));
		}
	}

	@Test
	void givesTheSameKeyAgainAndForTextsThatDifferOnlyInWidthAndSpaces() {
		assertThat(Labels.key("其中:塑胶运动场面积(平方米)")).isEqualTo("塑胶运动场面积");
		assertThat(Labels.key("其中:塑胶运动场面积(平方米)")).isEqualTo("塑胶运动场面积");
		assertThat(Labels.key(" 在校 生数\n(人)")).isEqualTo("在校生数");
		assertThat(Labels.key("在校生数")).isEqualTo("在校生数");
		assertThat(Labels.key(null)).isEmpty();
		assertThat(Labels.clean("\uf900")).isEqualTo("\u8c48");
	}

}
