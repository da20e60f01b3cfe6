package org.edustat.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import org.edustat.intake.Inbox;
import org.edustat.intake.InboxFile;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the inbox as it is when the step opens, oldest file first. Needs no saved position: a restarted step finds
 * the files already recorded gone from the inbox.
 */
class InboxItemReader implements ItemStreamReader<InboxFile> {

	private final Inbox inbox;

	private final Predicate<InboxFile> filter;

	private Iterator<InboxFile> files;

	private int total;

	InboxItemReader(Inbox inbox, Predicate<InboxFile> filter) {
		this.inbox = inbox;
		this.filter = filter;
	}

	@Override
	public void open(ExecutionContext context) {
		List<InboxFile> found = inbox.scan().stream().filter(filter).toList();
		total = found.size();
		context.putInt("inbox.total", total);
		files = found.iterator();
	}

	@Override
	public InboxFile read() {
		return files != null && files.hasNext() ? files.next() : null;
	}

	int total() {
		return total;
	}
}
