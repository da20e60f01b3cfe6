package org.edustat.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak heap during a stretch of work: the pools' peak usage, the largest heap left after
 * any collection, and the largest left after a full one — the live heap (a young
 * collection leaves the old generation's garbage where it is).
 */
final class HeapWatch {

	/**
	 * The heap's pools (eden, survivor, old): a collection's report also lists metaspace
	 * and code cache.
	 */
	private static final Set<String> HEAP_POOLS = heapPools().stream()
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	/**
	 * The last instant a collection could end at (Instant.MAX has no epoch milliseconds).
	 */
	private static final Instant EVER = Instant.ofEpochMilli(Long.MAX_VALUE);

	/**
	 * Every collection's end (epoch milliseconds), the heap it left, and 1 for a full
	 * collection.
	 */
	private final List<long[]> collections = new CopyOnWriteArrayList<>();

	private final List<NotificationEmitter> emitters;

	private final NotificationListener listener;

	private HeapWatch() {
		listener = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				long used = info.getGcInfo()
					.getMemoryUsageAfterGc()
					.entrySet()
					.stream()
					.filter(pool -> HEAP_POOLS.contains(pool.getKey()))
					.mapToLong(pool -> pool.getValue().getUsed())
					.sum();
				collections
					.add(new long[] { System.currentTimeMillis(), used, info.getGcAction().contains("major") ? 1 : 0 });
			}
		};
		emitters = ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> (NotificationEmitter) b).toList();
		emitters.forEach(e -> e.addNotificationListener(listener, null, null));
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/**
	 * The largest heap left by a collection between the two instants ({@code full}: by a
	 * full collection), 0 when none ran.
	 */
	long leftAfter(Instant from, Instant to, boolean full) {
		return collections.stream()
			.filter(c -> (!full || c[2] == 1) && c[0] >= from.toEpochMilli() && c[0] <= to.toEpochMilli())
			.mapToLong(c -> c[1])
			.max()
			.orElse(0);
	}

	static HeapWatch start() {
		return new HeapWatch();
	}

	long[] stop() throws Exception {
		long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		for (NotificationEmitter e : emitters) {
			e.removeNotificationListener(listener);
		}
		return new long[] { peak, leftAfter(Instant.EPOCH, EVER, false), leftAfter(Instant.EPOCH, EVER, true) };
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
	}

}
