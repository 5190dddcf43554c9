package org.gridvault.portability;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gridvault.devices.DeviceId;
import org.gridvault.sites.AccessibleSite;
import org.gridvault.telemetry.MeterIntervals;
import org.gridvault.telemetry.Metric;

/**
 * One site's Green Button feed, ready to be written: an Atom feed with the site's {@code LocalTimeParameters}, then
 * per grid meter a {@code UsagePoint} with two {@code MeterReading}s (import, flow direction 1; export, 19), each with
 * its {@code ReadingType} and one {@code IntervalBlock} per local day. Written with StAX as the rollups are read, so
 * a year of 15-minute values never sits in memory. See docs/privacy/green-button.md. Not thread-safe; write once.
 */
public final class GreenButtonFeed {

    private static final String RESOURCE = "/espi/1_1/resource";

    private record Direction(String name, String title, Metric counter, int flowDirection) {}

    private static final List<Direction> DIRECTIONS = List.of(
            new Direction("import", "Energy taken from the grid", Metric.ENERGY_IMPORT_WH, Espi.FLOW_FORWARD),
            new Direction("export", "Energy fed into the grid", Metric.ENERGY_EXPORT_WH, Espi.FLOW_REVERSE));

    private final AccessibleSite site;
    private final List<DeviceId> gridMeters;
    private final MeterIntervals intervals;
    private final String interval;
    private final Instant from;
    private final Instant to;
    private final Instant now;

    GreenButtonFeed(
            AccessibleSite site,
            List<DeviceId> gridMeters,
            MeterIntervals intervals,
            String interval,
            Instant from,
            Instant to,
            Instant now) {
        this.site = site;
        this.gridMeters = gridMeters;
        this.intervals = intervals;
        this.interval = interval;
        this.from = from;
        this.to = to;
        this.now = now;
    }

    /** Writes the feed as UTF-8 XML to {@code out} (which it does not close). */
    public void writeTo(OutputStream out) {
        try {
            var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            new Writing(xml).feed();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Green Button feed", e);
        }
    }

    private final class Writing {

        private final XMLStreamWriter xml;
        private final ZoneId zone = site.site().timeZone();
        private final String siteId = site.site().id().toString();
        private final long seconds = MeterIntervals.intervalLength(interval).toSeconds();

        private Writing(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void feed() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(Espi.ATOM);
            xml.setPrefix("espi", Espi.NAMESPACE);
            xml.writeStartElement(Espi.ATOM, "feed");
            xml.writeDefaultNamespace(Espi.ATOM);
            xml.writeNamespace("espi", Espi.NAMESPACE);
            text("id", urn("feed", siteId, from.toString(), to.toString(), interval));
            text("title", "GridVault energy of site " + site.site().name());
            text("updated", now.toString());
            link("self", "/api/v1/me/export?format=greenbutton&siteId=" + siteId, "application/atom+xml");
            localTimeParameters();
            int meter = 0;
            for (var device : gridMeters) {
                meter++;
                usagePoint(device, meter);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void localTimeParameters() throws XMLStreamException {
            var parameters = LocalTimeParameters.of(zone, from);
            startEntry(urn("local-time", siteId), "Time zone " + zone.getId());
            link("self", RESOURCE + "/LocalTimeParameters/" + siteId, "espi-entry/LocalTimeParameters");
            link("up", RESOURCE + "/LocalTimeParameters", "espi-feed/LocalTimeParameters");
            startContent("LocalTimeParameters");
            espi("dstEndRule", parameters.dstEndRule());
            espi("dstOffset", parameters.dstOffset());
            espi("dstStartRule", parameters.dstStartRule());
            espi("tzOffset", parameters.tzOffset());
            endContentAndEntry();
        }

        private void usagePoint(DeviceId device, int number) throws XMLStreamException {
            var usagePoint = usagePointHref(device);
            startEntry(urn("usage-point", device.toString()), "Grid meter " + number);
            link("self", usagePoint, "espi-entry/UsagePoint");
            link("up", RESOURCE + "/RetailCustomer/" + siteId + "/UsagePoint", "espi-feed/UsagePoint");
            link("related", usagePoint + "/MeterReading", "espi-feed/MeterReading");
            link("related", RESOURCE + "/LocalTimeParameters/" + siteId, "espi-entry/LocalTimeParameters");
            startContent("UsagePoint");
            xml.writeStartElement(Espi.NAMESPACE, "ServiceCategory");
            espi("kind", Espi.SERVICE_ELECTRICITY);
            xml.writeEndElement();
            endContentAndEntry();
            for (var direction : DIRECTIONS) {
                meterReading(device, direction);
            }
        }

        private void meterReading(DeviceId device, Direction direction) throws XMLStreamException {
            var meterReading = usagePointHref(device) + "/MeterReading/" + direction.name();
            var readingType = RESOURCE + "/ReadingType/" + device + "-" + direction.name();
            startEntry(urn("meter-reading", device.toString(), direction.name()), direction.title());
            link("self", meterReading, "espi-entry/MeterReading");
            link("up", usagePointHref(device) + "/MeterReading", "espi-feed/MeterReading");
            link("related", meterReading + "/IntervalBlock", "espi-feed/IntervalBlock");
            link("related", readingType, "espi-entry/ReadingType");
            startContent("MeterReading");
            endContentAndEntry();

            startEntry(urn("reading-type", device.toString(), direction.name()), direction.title() + ", Wh");
            link("self", readingType, "espi-entry/ReadingType");
            link("up", RESOURCE + "/ReadingType", "espi-feed/ReadingType");
            startContent("ReadingType");
            espi("accumulationBehaviour", Espi.ACCUMULATION_DELTA);
            espi("commodity", Espi.COMMODITY_ELECTRICITY);
            espi("dataQualifier", Espi.QUALIFIER_NORMAL);
            espi("flowDirection", direction.flowDirection());
            espi("intervalLength", seconds);
            espi("kind", Espi.KIND_ENERGY);
            espi("phase", Espi.PHASE_ALL);
            espi("powerOfTenMultiplier", 0);
            espi("timeAttribute", 0);
            espi("uom", Espi.UOM_WH);
            endContentAndEntry();

            var blocks = new Blocks(device, direction, meterReading);
            intervals.forEach(site, device, direction.counter(), interval, from, to, blocks::reading);
            blocks.close();
        }

        /** Groups the readings of one MeterReading into one IntervalBlock per local day as they stream past. */
        private final class Blocks {

            private final DeviceId device;
            private final Direction direction;
            private final String meterReading;
            private LocalDate day;

            Blocks(DeviceId device, Direction direction, String meterReading) {
                this.device = device;
                this.direction = direction;
                this.meterReading = meterReading;
            }

            void reading(Instant start, long energyWh) {
                try {
                    var date = LocalDate.ofInstant(start, zone);
                    if (!date.equals(day)) {
                        close();
                        open(date);
                    }
                    xml.writeStartElement(Espi.NAMESPACE, "IntervalReading");
                    xml.writeStartElement(Espi.NAMESPACE, "timePeriod");
                    espi("duration", seconds);
                    espi("start", start.getEpochSecond());
                    xml.writeEndElement();
                    espi("value", energyWh);
                    xml.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException("Could not write the Green Button feed", e);
                }
            }

            private void open(LocalDate date) throws XMLStreamException {
                day = date;
                var dayStart = date.atStartOfDay(zone).toInstant();
                var blockStart = dayStart.isBefore(from) ? from : dayStart;
                var dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
                var blockEnd = dayEnd.isAfter(to) ? to : dayEnd;
                var self = meterReading + "/IntervalBlock/" + date;
                startEntry(urn("interval-block", device.toString(), direction.name(), date.toString()), "");
                link("self", self, "espi-entry/IntervalBlock");
                link("up", meterReading + "/IntervalBlock", "espi-feed/IntervalBlock");
                startContent("IntervalBlock");
                xml.writeStartElement(Espi.NAMESPACE, "interval");
                espi("duration", Duration.between(blockStart, blockEnd).toSeconds());
                espi("start", blockStart.getEpochSecond());
                xml.writeEndElement();
            }

            void close() throws XMLStreamException {
                if (day != null) {
                    endContentAndEntry();
                    day = null;
                }
            }
        }

        private String usagePointHref(DeviceId device) {
            return RESOURCE + "/RetailCustomer/" + siteId + "/UsagePoint/" + device;
        }

        private void startEntry(String id, String title) throws XMLStreamException {
            xml.writeStartElement(Espi.ATOM, "entry");
            text("id", id);
            text("title", title);
            text("published", now.toString());
            text("updated", now.toString());
        }

        private void startContent(String resource) throws XMLStreamException {
            xml.writeStartElement(Espi.ATOM, "content");
            xml.writeStartElement(Espi.NAMESPACE, resource);
        }

        private void endContentAndEntry() throws XMLStreamException {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }

        private void link(String rel, String href, String type) throws XMLStreamException {
            xml.writeEmptyElement(Espi.ATOM, "link");
            xml.writeAttribute("rel", rel);
            xml.writeAttribute("href", href);
            xml.writeAttribute("type", type);
        }

        private void text(String element, String value) throws XMLStreamException {
            xml.writeStartElement(Espi.ATOM, element);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void espi(String element, Object value) throws XMLStreamException {
            xml.writeStartElement(Espi.NAMESPACE, element);
            xml.writeCharacters(String.valueOf(value));
            xml.writeEndElement();
        }

        private static String urn(String... parts) {
            return "urn:uuid:"
                    + UUID.nameUUIDFromBytes(("gridvault:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8));
        }
    }
}
