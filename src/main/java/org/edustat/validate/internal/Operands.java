package org.edustat.validate.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * JEXL's operators on the operands {@link Comparisons} takes — BigDecimal and Integer
 * numbers, text, truths, null where JEXL's strict arithmetic allows one — and
 * {@link Fallback} for every other, which hands the evaluation to JEXL.
 */
final class Operands {

	private Operands() {
	}

	/** What makes an evaluation JEXL's: thrown without a stack, caught by the caller. */
	static final class Fallback extends RuntimeException {

		static final Fallback INSTANCE = new Fallback();

		private Fallback() {
			super("handed to JEXL", null, false, false);
		}

	}

	static @Nullable Object read(Map<?, ?> map, String key) {
		Object value = map.get(key);
		if (value == null && !map.containsKey(key)) {
			throw Fallback.INSTANCE;
		}
		return value;
	}

	static boolean bool(@Nullable Object value) {
		if (value instanceof Boolean truth) {
			return truth;
		}
		throw Fallback.INSTANCE;
	}

	static BigDecimal number(@Nullable Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Integer integer) {
			return BigDecimal.valueOf(integer.longValue());
		}
		throw Fallback.INSTANCE;
	}

	/** A BigDecimal operand; any other is JEXL's. */
	static BigDecimal decimal(@Nullable Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		throw Fallback.INSTANCE;
	}

	/**
	 * A quotient as JEXL's: {@link MathContext#DECIMAL128} when either operand is a
	 * BigDecimal (two integers JEXL divides as longs, and a zero divisor it refuses: both
	 * JEXL's).
	 */
	static BigDecimal divide(@Nullable Object left, @Nullable Object right) {
		if (!(left instanceof BigDecimal) && !(right instanceof BigDecimal)) {
			throw Fallback.INSTANCE;
		}
		BigDecimal divisor = number(right);
		if (divisor.signum() == 0) {
			throw Fallback.INSTANCE;
		}
		return number(left).divide(divisor, MathContext.DECIMAL128);
	}

	/**
	 * An exact result JEXL would give alike: within {@link MathContext#DECIMAL128}'s 34
	 * digits, which JEXL rounds BigDecimal results to (and past which it keeps integers
	 * exact): longer ones are JEXL's.
	 */
	static BigDecimal exact(BigDecimal result) {
		if (result.precision() > MathContext.DECIMAL128.getPrecision()) {
			throw Fallback.INSTANCE;
		}
		return result;
	}

	static int compare(@Nullable Object left, @Nullable Object right) {
		return number(left).compareTo(number(right));
	}

	static boolean equal(@Nullable Object left, @Nullable Object right) {
		if (left == null || right == null) {
			return left == right;
		}
		if (isNumber(left) && isNumber(right)) {
			return compare(left, right) == 0;
		}
		if (left instanceof String && right instanceof String || left instanceof Boolean && right instanceof Boolean) {
			return left.equals(right);
		}
		throw Fallback.INSTANCE;
	}

	static boolean isNumber(Object value) {
		return value instanceof BigDecimal || value instanceof Integer;
	}

}
