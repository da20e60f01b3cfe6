package org.edustat.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The floors the import is measured against, each on one thread over the same files:
 * inflating every part of an .xlsx (the bytes of an .xls read whole), and inflating plus
 * a StAX pass over every worksheet and the shared strings (an .xls read whole: the binary
 * format has no XML to parse).
 */
final class Floors {

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	private long bytes;

	private long elements;

	private Floors() {
	}

	/** What a floor did: the bytes inflated and the XML elements met. */
	record Count(long bytes, long elements) {
	}

	/**
	 * The floors of a set of files, each timed on one thread after a warm-up pass: every
	 * part inflated, every sheet parsed by StAX, a bare POI read and a bare
	 * fastexcel-reader read.
	 */
	record Measured(double inflateSeconds, Count inflated, double staxSeconds, Count parsed, double bareSeconds,
			long bareCells, double lightSeconds, long lightCells) {

		void print(int files) {
			System.out.printf("| floor: inflate every part, 1 thread | %.2f s, %.0f files/s (%.1f MB inflated) |%n",
					inflateSeconds, files / inflateSeconds, inflated.bytes() / 1e6);
			System.out.printf(
					"| floor: unzip + StAX over every sheet, 1 thread | %.2f s, %.0f files/s (%,d elements) |%n",
					staxSeconds, files / staxSeconds, parsed.elements());
			System.out.printf("| bare POI streaming read, 1 thread | %.2f s, %.0f files/s |%n", bareSeconds,
					files / bareSeconds);
			System.out.printf(
					"| bare fastexcel-reader read (.xls with HSSF), 1 thread | %.2f s, %.0f files/s, %,d cells |%n",
					lightSeconds, files / lightSeconds, lightCells);
		}
	}

	static Measured measure(List<Path> files) throws Exception {
		BareRead warmUpRead = new BareRead();
		for (Path f : files) {
			warmUpRead.read(f);
		}
		inflate(files);
		stax(files);
		long tInflate = System.nanoTime();
		Count inflated = inflate(files);
		double inflateSeconds = (System.nanoTime() - tInflate) / 1e9;
		long tStax = System.nanoTime();
		Count parsed = stax(files);
		double staxSeconds = (System.nanoTime() - tStax) / 1e9;
		BareRead bare = new BareRead();
		long t1 = System.nanoTime();
		for (Path f : files) {
			bare.read(f);
		}
		double bareSeconds = (System.nanoTime() - t1) / 1e9;
		LightRead light = new LightRead();
		for (Path f : files) {
			light.read(f);
		}
		light = new LightRead();
		long tLight = System.nanoTime();
		for (Path f : files) {
			light.read(f);
		}
		double lightSeconds = (System.nanoTime() - tLight) / 1e9;
		return new Measured(inflateSeconds, inflated, staxSeconds, parsed, bareSeconds, bare.cells(), lightSeconds,
				light.cells());
	}

	/** Inflates every part of every file. */
	static Count inflate(List<Path> files) throws IOException {
		Floors floors = new Floors();
		for (Path file : files) {
			floors.read(file, false);
		}
		return new Count(floors.bytes, floors.elements);
	}

	/** Inflates every file and parses its worksheets and shared strings with StAX. */
	static Count stax(List<Path> files) throws IOException {
		Floors floors = new Floors();
		for (Path file : files) {
			floors.read(file, true);
		}
		return new Count(floors.bytes, floors.elements);
	}

	private void read(Path file, boolean parse) throws IOException {
		if (!file.getFileName().toString().toLowerCase().endsWith(".xlsx")) {
			bytes += Files.readAllBytes(file).length;
			return;
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry entry = entries.nextElement();
				boolean sheet = entry.getName().startsWith("xl/worksheets/")
						|| entry.getName().equals("xl/sharedStrings.xml");
				try (InputStream in = zip.getInputStream(entry)) {
					if (parse && sheet) {
						parse(in);
					}
					else {
						bytes += in.transferTo(OutputStreamSink.INSTANCE);
					}
				}
			}
		}
	}

	private void parse(InputStream in) throws IOException {
		try {
			XMLStreamReader reader = XML.createXMLStreamReader(in);
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT) {
					elements++;
				}
			}
			reader.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	/** Where inflated bytes go when only their inflating is measured. */
	private static final class OutputStreamSink extends OutputStream {

		static final OutputStreamSink INSTANCE = new OutputStreamSink();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

}
