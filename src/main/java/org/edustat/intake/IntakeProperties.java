package org.edustat.intake;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where files arrive and where their originals are kept.
 *
 * @param inbox the inbox folder schools' workbooks arrive in (sub-folders per district
 * allowed)
 * @param archive the folder that keeps every received file's original bytes, by period
 * and district
 * @param maxFileSize a file larger than this is rejected unread
 * @param maxUnpackedEntry the largest unpacked part of an .xlsx (POI's zip-bomb limit)
 * @param chunkSize files recorded per transaction (50: a commit of H2 writes every page
 * the chunk changed, and fewer, larger commits write fewer pages a file)
 * @param threads files examined at once (read, normalised, checked); 0 means one per
 * processor core
 */
@ConfigurationProperties("edustat.intake")
public record IntakeProperties(@DefaultValue("input") Path inbox, @DefaultValue("data/archive") Path archive,
		@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("100MB") DataSize maxUnpackedEntry,
		@DefaultValue("50") int chunkSize, @DefaultValue("0") int threads) {

	public int effectiveThreads() {
		return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
	}
}
