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
