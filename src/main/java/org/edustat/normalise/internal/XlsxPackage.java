package org.edustat.normalise.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.jspecify.annotations.Nullable;

/**
 * One opening of an .xlsx package: every part is inflated once, through
 * {@link ZipGuard}'s limits, and the parts a reader needs are parsed as they inflate —
 * the package's content types, the workbook part and its relationships, the styles'
 * number formats and the shared strings here, a sheet's rows by {@link XlsxSheet}. The
 * parts nobody parses are inflated and counted by {@link #inflateTheRest()}, so a zip
 * bomb anywhere in the package is refused as before.
 * <p>
 * Finds parts as fastexcel-reader 0.19 did (content types first, names compared without
 * case when not found as written), so that a workbook reads the same.
 */
final class XlsxPackage implements Closeable {

	/** Aalto's StAX parser, without DTDs or external entities; one for every reader. */
	static final XMLInputFactory XML = new InputFactoryImpl();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	private final ZipFile zip;

	private final Set<String> inflated = new HashSet<>();

	private XlsxPackage(ZipFile zip) {
		this.zip = zip;
	}

	static XlsxPackage open(Path file) throws IOException {
		return new XlsxPackage(ZipGuard.open(file));
	}

	/**
	 * The number format of each cell style ({@code cellXfs}), by the style's index, and
	 * whether it formats a date.
	 */
	XlsxStyles styles(@Nullable String partName) throws IOException, XMLStreamException {
		if (partName == null) {
			return XlsxStyles.NONE;
		}
		try (Part part = part(partName)) {
			return XlsxStyles.parsed(part.xml());
		}
	}

	/**
	 * The shared strings in order: the text of each {@code si}'s runs, its phonetic runs
	 * left out; {@code null} when the package has none.
	 */
	@Nullable List<String> sharedStrings(@Nullable String partName) throws IOException, XMLStreamException {
		if (partName == null || entry(partName) == null) {
			return null;
		}
		try (Part part = part(partName)) {
			return XmlText.sharedStrings(part.xml());
		}
	}

	/**
	 * A part parsed as it inflates through the guard's limits; closing it counts the rest
	 * of it.
	 */
	Part part(String name) throws IOException, XMLStreamException {
		ZipEntry entry = entry(name);
		if (entry == null) {
			throw new IOException("part " + name + " not found");
		}
		inflated.add(entry.getName());
		InputStream in = new TokenLimit(ZipGuard.inflate(zip, entry), entry.getName());
		try {
			return new Part(XML.createXMLStreamReader(in), in);
		}
		catch (XMLStreamException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Every part no reader parsed, inflated and counted: a bomb refused wherever it lies.
	 */
	void inflateTheRest() throws IOException {
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			if (!inflated.contains(entry.getName())) {
				try (InputStream in = ZipGuard.inflate(zip, entry)) {
					in.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
	}

	/** A part by name, a leading slash dropped, found without case if not as written. */
	private @Nullable ZipEntry entry(String part) {
		String name = part.startsWith("/") ? part.substring(1) : part;
		ZipEntry entry = zip.getEntry(name);
		if (entry != null) {
			return entry;
		}
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry candidate = entries.nextElement();
			if (candidate.getName().equalsIgnoreCase(name)) {
				return candidate;
			}
		}
		return null;
	}

	static String required(XMLStreamReader xml, String attribute) throws XMLStreamException {
		String value = xml.getAttributeValue(null, attribute);
		if (value == null) {
			throw new XMLStreamException("missing required attribute " + attribute);
		}
		return value;
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	/**
	 * A part's parser and the inflating stream under it: closed, what the parser left is
	 * inflated through the guard too.
	 */
	record Part(XMLStreamReader xml, InputStream in) implements Closeable {

		@Override
		public void close() throws IOException {
			try {
				xml.close();
				in.transferTo(OutputStream.nullOutputStream());
			}
			catch (XMLStreamException ex) {
				throw new IOException(ex);
			}
			finally {
				in.close();
			}
		}

	}

}
