package org.edustat.form;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The canonical names nearest to a text that no field answers to, by edit distance over
 * their keys.
 */
public final class Closest {

	private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

	private Closest() {
	}

	/**
	 * The field a text most probably means, if one is near enough: at most half the
	 * text's length in edits from one of its names, or containing it, or contained in it.
	 */
	public static Optional<Field> field(List<Field> fields, String raw) {
		String key = Labels.key(raw);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return fields.stream()
			.map(f -> new Scored(f, score(f, key)))
			.filter(s -> s.score() <= Math.max(1, key.length() / 2))
			.min(Comparator.comparingInt(Scored::score))
			.map(Scored::field);
	}

	private static int score(Field field, String key) {
		int best = Integer.MAX_VALUE;
		for (String name : field.names()) {
			String other = Labels.key(name);
			int distance = other.contains(key) || key.contains(other) ? Math.abs(other.length() - key.length())
					: DISTANCE.apply(other, key);
			best = Math.min(best, distance);
		}
		return best;
	}

	private record Scored(Field field, int score) {
	}

}
