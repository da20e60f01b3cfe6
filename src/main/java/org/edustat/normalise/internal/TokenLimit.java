package org.edustat.normalise.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Refuses an XML part, as it inflates, at the first token longer than any a workbook
 * needs: the StAX parser holds a whole text, tag or CDATA section in memory before the
 * reader sees a character of it, so that one cell of tens of megabytes (within the part
 * and ratio limits) would take hundreds of megabytes of heap. A token here is what lies
 * between two {@code <} (a tag cannot hold one, a text ends at one), or a CDATA section
 * to its {@code ]]>}; a cell's text of 32,767 characters, escaped, is under a fifth of
 * the limit.
 */
final class TokenLimit extends FilterInputStream {

	/** The longest token admitted, in bytes. */
	static final int MAX_TOKEN_BYTES = 256 * 1024;

	private static final byte[] CDATA = { '<', '!', '[', 'C', 'D', 'A', 'T', 'A', '[' };

	private final String part;

	/** Bytes of the current token. */
	private int run;

	/** How much of {@code <![CDATA[} the last bytes matched. */
	private int opening;

	/**
	 * Whether inside a CDATA section, and how much of {@code ]]>} the last bytes matched.
	 */
	private boolean inCdata;

	private int closing;

	TokenLimit(InputStream in, String part) {
		super(in);
		this.part = part;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			scan((byte) b);
		}
		return b;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		int n = super.read(bytes, offset, length);
		int end = offset + n;
		for (int i = offset; i < end; i++) {
			byte b = bytes[i];
			if (inCdata || opening > 0) {
				scan(b);
			}
			else if (b == '<') {
				run = 0;
				opening = 1;
			}
			else if (++run > MAX_TOKEN_BYTES) {
				refuse();
			}
		}
		return n;
	}

	private void scan(byte b) throws IOException {
		if (inCdata) {
			if (b == '>' && closing == 2) {
				inCdata = false;
				run = 0;
				closing = 0;
				return;
			}
			closing = b == ']' ? Math.min(closing + 1, 2) : 0;
		}
		else if (b == '<') {
			run = 0;
			opening = 1;
			return;
		}
		else if (opening > 0) {
			opening = b == CDATA[opening] ? opening + 1 : 0;
			if (opening == CDATA.length) {
				inCdata = true;
				opening = 0;
				run = 0;
				return;
			}
		}
		if (++run > MAX_TOKEN_BYTES) {
			refuse();
		}
	}

	/**
	 * Refuses the part, once the rest of it went through the guard: a zip bomb is refused
	 * as one, not as a long text.
	 */
	private void refuse() throws IOException {
		in.transferTo(OutputStream.nullOutputStream());
		throw new ZipGuard.UnsafePackageException(false,
				"part " + part + " holds a token longer than " + MAX_TOKEN_BYTES + " bytes",
				"工作簿的部件「" + part + "」中有一段文字或标记超过" + MAX_TOKEN_BYTES / 1024 + "KB(单元格最多32767个字符),不是学校统计报表的内容");
	}

}
