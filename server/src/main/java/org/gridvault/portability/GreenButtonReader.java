package org.gridvault.portability;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;

/**
 * Reads the energy intervals out of a Green Button (ESPI) Atom feed with StAX. Follows the feed's links: an
 * {@code IntervalBlock} belongs to the {@code MeterReading} whose {@code IntervalBlock} link its {@code up} link names,
 * and that {@code MeterReading} names its {@code ReadingType}; a feed with one MeterReading and one ReadingType needs
 * no links. Keeps readings of energy in Wh ({@code kind} 12 or absent, {@code uom} 72, deltas) flowing forward (1,
 * import; the default) or reverse (19, export), scaled by {@code powerOfTenMultiplier}; skips the rest (demand,
 * summaries, other commodities). Older feeds whose links lack a {@code type} are read too: nothing here validates
 * the Atom envelope. DTDs and external entities are refused.
 */
final class GreenButtonReader {

    private static final class Entry {
        @Nullable
        String self;

        @Nullable
        String up;

        final List<String> related = new ArrayList<>();

        @Nullable
        String resource;

        final Map<String, String> fields = new HashMap<>();
        final List<long[]> readings = new ArrayList<>();
    }

    private GreenButtonReader() {}

    static FeedIntervals read(InputStream in) {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            return intervals(parse(xml));
        } catch (XMLStreamException e) {
            var location = e.getLocation();
            throw ApiProblem.unprocessable(
                            "portability:greenbutton.malformed",
                            "The request body is not well-formed XML"
                                    + (location == null ? "" : " (line " + location.getLineNumber() + ")")
                                    + ". Send the Green Button file as it was downloaded.")
                    .with("line", location == null ? null : location.getLineNumber());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed: nothing left to release
                }
            }
        }
    }

    private record Parsed(String title, List<Entry> entries) {}

    private static Parsed parse(XMLStreamReader xml) throws XMLStreamException {
        var path = new ArrayDeque<String>();
        var entries = new ArrayList<Entry>();
        var text = new StringBuilder();
        String title = "";
        Entry entry = null;
        long[] reading = null;
        int readings = 0;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    var name = xml.getLocalName();
                    if (path.isEmpty() && !(name.equals("feed") && Espi.ATOM.equals(xml.getNamespaceURI()))) {
                        throw ApiProblem.unprocessable(
                                "portability:greenbutton.not-a-feed",
                                "The document is not an Atom feed (its root is <%s>). Send a Green Button download (a <feed> of ESPI entries)."
                                        .formatted(name));
                    }
                    path.push(name);
                    text.setLength(0);
                    if (path.size() == 2 && name.equals("entry")) {
                        entry = new Entry();
                    } else if (entry != null && path.size() == 3 && name.equals("link")) {
                        link(entry, xml.getAttributeValue(null, "rel"), xml.getAttributeValue(null, "href"));
                    } else if (entry != null && path.size() == 4 && parent(path).equals("content")) {
                        entry.resource = name;
                    } else if (entry != null && name.equals("IntervalReading")) {
                        reading = new long[] {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    var name = path.pop();
                    var value = text.toString().strip();
                    text.setLength(0);
                    if (path.size() == 1 && name.equals("title")) {
                        title = value;
                    } else if (entry != null && path.size() == 1 && name.equals("entry")) {
                        entries.add(entry);
                        entry = null;
                    } else if (entry != null && reading != null) {
                        switch (name) {
                            case "duration" -> reading[0] = number(value, "timePeriod/duration");
                            case "start" -> reading[1] = number(value, "timePeriod/start");
                            case "value" -> reading[2] = number(value, "IntervalReading/value");
                            case "IntervalReading" -> {
                                if (reading[0] != Long.MIN_VALUE
                                        && reading[1] != Long.MIN_VALUE
                                        && reading[2] != Long.MIN_VALUE) {
                                    entry.readings.add(reading);
                                    if (++readings > GreenButtonImport.MAX_INTERVALS) {
                                        throw tooMany();
                                    }
                                }
                                reading = null;
                            }
                            default -> {}
                        }
                    } else if (entry != null && path.size() == 4 && entry.resource != null) {
                        entry.fields.put(name, value);
                    }
                }
                default -> {}
            }
        }
        return new Parsed(title, entries);
    }

    /** Refused while reading, before a huge feed fills the memory. */
    static ApiProblem tooMany() {
        return ApiProblem.unprocessable(
                        "portability:greenbutton.too-many-intervals",
                        "The feed has more than %d interval readings (five years of 15-minute import and export values). Split it by year."
                                .formatted(GreenButtonImport.MAX_INTERVALS))
                .with("limit", GreenButtonImport.MAX_INTERVALS);
    }

    private static String parent(ArrayDeque<String> path) {
        var iterator = path.iterator();
        iterator.next();
        return iterator.next();
    }

    private static void link(Entry entry, @Nullable String rel, @Nullable String href) {
        if (href == null) {
            return;
        }
        switch (rel == null ? "alternate" : rel) {
            case "self" -> entry.self = href;
            case "up" -> entry.up = href;
            case "related" -> entry.related.add(href);
            default -> {}
        }
    }

    private static FeedIntervals intervals(Parsed parsed) {
        var readingTypes = new HashMap<String, Entry>();
        var meterReadings = new ArrayList<Entry>();
        var blocks = new ArrayList<Entry>();
        Entry onlyReadingType = null;
        for (var entry : parsed.entries()) {
            switch (entry.resource == null ? "" : entry.resource) {
                case "ReadingType" -> {
                    readingTypes.put(entry.self == null ? "" : entry.self, entry);
                    onlyReadingType = entry;
                }
                case "MeterReading" -> meterReadings.add(entry);
                case "IntervalBlock" -> blocks.add(entry);
                default -> {}
            }
        }
        var imported = new ArrayList<FeedIntervals.Interval>();
        var exported = new ArrayList<FeedIntervals.Interval>();
        for (var block : blocks) {
            var meterReading = meterReadings.stream()
                    .filter(candidate -> belongsTo(block, candidate))
                    .findFirst()
                    .orElse(meterReadings.size() == 1 ? meterReadings.getFirst() : null);
            var readingType = meterReading == null
                    ? null
                    : meterReading.related.stream()
                            .map(readingTypes::get)
                            .filter(found -> found != null)
                            .findFirst()
                            .orElse(readingTypes.size() == 1 ? onlyReadingType : null);
            if (readingType == null) {
                throw ApiProblem.unprocessable(
                                "portability:greenbutton.reading-type-missing",
                                "IntervalBlock %s is not linked to a MeterReading with a ReadingType, so its unit and direction are unknown. Send the whole feed, with its MeterReading and ReadingType entries."
                                        .formatted(block.self))
                        .with("block", block.self);
            }
            var target = target(readingType, imported, exported);
            if (target == null) {
                continue;
            }
            long scale = scale(readingType);
            for (var reading : block.readings) {
                long wh = scale >= 0 ? reading[2] * scale : Math.round((double) reading[2] / -scale);
                target.add(new FeedIntervals.Interval(reading[1], reading[0], wh));
            }
        }
        return FeedIntervals.of(parsed.title(), imported, exported);
    }

    private static boolean belongsTo(Entry block, Entry meterReading) {
        if (block.up != null && meterReading.related.contains(block.up)) {
            return true;
        }
        var prefix = meterReading.self == null ? null : meterReading.self + "/";
        return prefix != null
                && ((block.up != null && block.up.startsWith(prefix))
                        || (block.self != null && block.self.startsWith(prefix)));
    }

    /** Where readings of this type go: imported, exported, or nowhere (not energy in Wh, or another direction). */
    private static @Nullable List<FeedIntervals.Interval> target(
            Entry readingType, List<FeedIntervals.Interval> imported, List<FeedIntervals.Interval> exported) {
        var fields = readingType.fields;
        boolean energy =
                fields.getOrDefault("kind", String.valueOf(Espi.KIND_ENERGY)).equals(String.valueOf(Espi.KIND_ENERGY))
                        && String.valueOf(Espi.UOM_WH).equals(fields.get("uom"))
                        && fields.getOrDefault("accumulationBehaviour", String.valueOf(Espi.ACCUMULATION_DELTA))
                                .equals(String.valueOf(Espi.ACCUMULATION_DELTA));
        if (!energy) {
            return null;
        }
        var flow = fields.getOrDefault("flowDirection", String.valueOf(Espi.FLOW_FORWARD));
        if (flow.equals(String.valueOf(Espi.FLOW_FORWARD))) {
            return imported;
        }
        if (flow.equals(String.valueOf(Espi.FLOW_REVERSE))) {
            return exported;
        }
        return null;
    }

    /** 10^multiplier as a factor (positive) or a divisor (negative). */
    private static long scale(Entry readingType) {
        var multiplier = readingType.fields.get("powerOfTenMultiplier");
        int power = multiplier == null ? 0 : (int) number(multiplier, "ReadingType/powerOfTenMultiplier");
        if (power < -9 || power > 9) {
            throw ApiProblem.unprocessable(
                    "portability:greenbutton.multiplier-unsupported",
                    "A ReadingType has powerOfTenMultiplier %d; GridVault reads -9 to 9.".formatted(power));
        }
        long factor = 1;
        for (int i = 0; i < Math.abs(power); i++) {
            factor *= 10;
        }
        return power >= 0 ? factor : -factor;
    }

    private static long number(String text, String element) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.unprocessable(
                            "portability:greenbutton.malformed",
                            "<%s> holds '%s', which is not a whole number.".formatted(element, text))
                    .with("element", element);
        }
    }
}
