package org.gridvault.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.gridvault.ApiClient;
import org.gridvault.ApiClient.Account;
import org.gridvault.ApiClient.Response;
import org.gridvault.IntegrationTest;
import org.gridvault.devices.DeviceId;
import org.gridvault.telemetry.Metric;
import org.gridvault.telemetry.Reading;
import org.gridvault.telemetry.Rollups;
import org.gridvault.telemetry.TelemetryWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class GreenButtonIntegrationTests {

    private static final String ESPI = "http://naesb.org/espi";

    private final ApiClient api;
    private final TelemetryWriter writer;
    private final Rollups rollups;

    GreenButtonIntegrationTests(ApiClient api, TelemetryWriter writer, Rollups rollups) {
        this.api = api;
        this.writer = writer;
        this.rollups = rollups;
    }

    @Test
    void exportsAFeedThatValidatesAgainstTheEspiSchemaWithBothFlowDirectionsAndTheSitesDaylightSavingRules()
            throws Exception {
        var owner = api.newPerson();
        var site = site(owner, "Europe/Berlin");
        var meter = meter(owner, site);
        // 2026-03-29 is the spring-forward day in Berlin: 23 local hours
        writeMeter(meter, Instant.parse("2026-03-27T23:00:00Z"), Duration.ofHours(71), Duration.ofMinutes(5));

        var feed = exportFeed(owner, site, "2026-03-28", "2026-03-31", "PT15M");

        validate(feed);
        assertThatThrownBy(() -> validate(referenceSample()))
                .as("the validator is strict: the older reference sample's links lack their type")
                .isInstanceOf(SAXException.class);
        var document = parse(feed);
        assertThat(espiTexts(document, "flowDirection")).containsExactly("1", "19");
        assertThat(espiTexts(document, "intervalLength")).containsExactly("900", "900");
        assertThat(espiTexts(document, "uom")).containsExactly("72", "72");
        assertThat(espiTexts(document, "dstStartRule")).containsExactly("339E2000");
        assertThat(espiTexts(document, "dstEndRule")).containsExactly("A39E3000");
        assertThat(espiTexts(document, "tzOffset")).containsExactly("3600");
        assertThat(espiTexts(document, "dstOffset")).containsExactly("3600");
        assertThat(document.getElementsByTagNameNS(ESPI, "UsagePoint").getLength())
                .isEqualTo(1);
        // one block per local day and direction; the spring-forward day is 23 hours long
        var blockDurations = new ArrayList<String>();
        var blocks = document.getElementsByTagNameNS(ESPI, "IntervalBlock");
        for (int i = 0; i < blocks.getLength(); i++) {
            var interval = (Element) ((Element) blocks.item(i))
                    .getElementsByTagNameNS(ESPI, "interval")
                    .item(0);
            blockDurations.add(
                    interval.getElementsByTagNameNS(ESPI, "duration").item(0).getTextContent());
        }
        assertThat(blockDurations).containsExactly("86400", "82800", "86400", "86400", "82800", "86400");
        var energy = energy(owner, site, "2026-03-28", "2026-03-31", "PT15M");
        assertThat(readingValues(document, 0)).isEqualTo(nonZero(energy, "gridImportWh"));
        assertThat(readingValues(document, 1)).isEqualTo(nonZero(energy, "gridExportWh"));
    }

    @Test
    void importsTheGreenButtonReferenceSampleIntoTheSitesEnergy() throws Exception {
        var owner = api.newPerson();
        var site = site(owner, "America/New_York");
        var sample = new String(
                getClass()
                        .getResourceAsStream("/greenbutton/sample-usage-feed.xml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        var values = sampleValues(sample);

        var imported = importFeed(owner, site, sample);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("intervals").asInt())
                .isEqualTo(values.size())
                .isEqualTo(1340);
        long total = values.stream().mapToLong(Long::longValue).sum();
        assertThat(imported.json().path("importWh").asLong()).isEqualTo(total);
        assertThat(imported.json().path("exportWh").asLong()).isZero();
        rollups.rollUpPending();
        var quarterHours = energy(owner, site, "2012-03-01T05:00:00Z", "2012-03-01T06:00:00Z", "PT15M");
        assertThat(longs(quarterHours, "gridImportWh")).containsExactlyElementsOf(values.subList(0, 4));
        var hours = energy(owner, site, "2012-03-01T05:00:00Z", "2012-03-15T05:00:00Z", "PT1H");
        assertThat(longs(hours, "gridImportWh").stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(total);
    }

    @Test
    void aSitesExportReimportedIntoAnotherSiteGivesTheSameQuarterHoursAndHoursAndImportingTwiceChangesNothing()
            throws Exception {
        var owner = api.newPerson();
        var original = site(owner, "Europe/Berlin");
        var meter = meter(owner, original);
        writeMeter(meter, Instant.parse("2026-06-01T00:00:00Z"), Duration.ofHours(48), Duration.ofSeconds(170));
        var feed = exportFeed(owner, original, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT15M");
        var copy = site(owner, "Europe/Berlin");

        var imported = importFeed(owner, copy, feed);
        rollups.rollUpPending();

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        var before = energy(owner, original, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT15M");
        var after = energy(owner, copy, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT15M");
        assertThat(longs(after, "gridImportWh")).isEqualTo(longs(before, "gridImportWh"));
        assertThat(longs(after, "gridExportWh")).isEqualTo(longs(before, "gridExportWh"));
        assertThat(longs(before, "gridImportWh").stream().filter(wh -> wh > 0)).hasSize(192);

        var hourlyCopy = site(owner, "Europe/Berlin");
        var hourly = importFeed(
                owner, hourlyCopy, exportFeed(owner, original, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT1H"));
        rollups.rollUpPending();
        assertThat(hourly.status()).as(hourly.body()).isEqualTo(201);
        var hoursBefore = energy(owner, original, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT1H");
        var hoursAfter = energy(owner, hourlyCopy, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT1H");
        assertThat(longs(hoursAfter, "gridImportWh")).isEqualTo(longs(hoursBefore, "gridImportWh"));
        assertThat(longs(hoursAfter, "gridExportWh")).isEqualTo(longs(hoursBefore, "gridExportWh"));

        var again = importFeed(owner, copy, feed);
        rollups.rollUpPending();

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("alreadyImported").asBoolean()).isTrue();
        assertThat(again.json().path("id").asString())
                .isEqualTo(imported.json().path("id").asString());
        assertThat(energy(owner, copy, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", "PT15M"))
                .isEqualTo(after);
        assertThat(api.get("/api/v1/sites/" + copy + "/devices", owner.token())
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void refusesFeedsItCannotReadWithProblemDetails() {
        var owner = api.newPerson();
        var site = site(owner, "Europe/Berlin");

        var notXml = importFeed(owner, site, "this is not xml");
        var notAFeed = importFeed(owner, site, "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
        var empty = importFeed(owner, site, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>");
        var entity = importFeed(
                owner,
                site,
                "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&x;</title></feed>");

        assertThat(notXml.status()).isEqualTo(422);
        assertThat(notXml.code()).isEqualTo("portability:greenbutton.malformed");
        assertThat(notAFeed.status()).isEqualTo(422);
        assertThat(notAFeed.code()).isEqualTo("portability:greenbutton.not-a-feed");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.code()).isEqualTo("portability:greenbutton.no-energy-readings");
        assertThat(entity.status()).isEqualTo(422);
        assertThat(entity.code()).isEqualTo("portability:greenbutton.malformed");
    }

    @Test
    void refusesAFeedOverlappingAnEarlierImport() {
        var owner = api.newPerson();
        var site = site(owner, "Europe/Berlin");
        var first = importFeed(owner, site, feed(1_767_225_600L, 8, 100));

        var overlapping = importFeed(owner, site, feed(1_767_225_600L + 3_600, 8, 200));
        var adjoining = importFeed(owner, site, feed(1_767_225_600L + 8 * 900, 8, 300));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.code()).isEqualTo("portability:import.overlaps");
        assertThat(adjoining.status()).as(adjoining.body()).isEqualTo(201);
    }

    @Test
    void onlyTheOwnerImportsAndOnlyThoseWhoSeeTheSiteExport() {
        var owner = api.newPerson();
        var site = site(owner, "Europe/Berlin");
        var viewer = api.newPerson();
        var invitation = api.post(
                "/api/v1/sites/" + site + "/grants", owner.token(), Map.of("email", viewer.email(), "role", "viewer"));
        api.post("/api/v1/me/invitations/" + invitation.json().path("id").asString() + "/accept", viewer.token(), null);
        var stranger = api.newPerson();

        var byViewer = importFeed(viewer, site, feed(1_767_225_600L, 4, 100));
        var byStranger = importFeed(stranger, site, feed(1_767_225_600L, 4, 100));
        var exportByStranger = api.get(
                "/api/v1/me/export?format=greenbutton&siteId=" + site + "&from=2026-01-01&to=2026-01-02",
                stranger.token());
        var exportByViewer = api.get(
                "/api/v1/me/export?format=greenbutton&siteId=" + site + "&from=2026-01-01&to=2026-01-02",
                viewer.token());
        var missingSite = api.get("/api/v1/me/export?format=greenbutton&from=2026-01-01&to=2026-01-02", owner.token());
        var badInterval = api.get(
                "/api/v1/me/export?format=greenbutton&siteId=" + site + "&from=2026-01-01&to=2026-01-02&interval=P1D",
                owner.token());

        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byViewer.code()).isEqualTo("sites:permission.denied");
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byStranger.code()).isEqualTo("sites:site.not-found");
        assertThat(exportByStranger.status()).isEqualTo(404);
        assertThat(exportByViewer.status()).isEqualTo(200);
        assertThat(missingSite.status()).isEqualTo(400);
        assertThat(missingSite.code()).isEqualTo("request:parameter.missing");
        assertThat(badInterval.status()).isEqualTo(422);
        assertThat(badInterval.code()).isEqualTo("telemetry:interval.unsupported");
    }

    @Test
    void aYearOfQuarterHoursOfOneSiteImportsRollsUpAndExports() throws Exception {
        var owner = api.newPerson();
        var site = site(owner, "Europe/Berlin");
        var start = 1_735_689_600L; // 2025-01-01T00:00:00Z
        int quarterHours = 365 * 96;
        var feed = feed(start, quarterHours, 0);

        long started = System.nanoTime();
        var imported = importFeed(owner, site, feed);
        long importedAt = System.nanoTime();
        rollups.rollUpPending();
        long rolledUpAt = System.nanoTime();
        var exported = exportFeed(owner, site, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "PT15M");
        long exportedAt = System.nanoTime();
        var everything = api.get("/api/v1/me/export?format=json", owner.token());
        long everythingAt = System.nanoTime();

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("intervals").asInt()).isEqualTo(2 * quarterHours);
        var readings = exported.split("<espi:IntervalReading>", -1).length - 1;
        assertThat(readings).isEqualTo(2 * quarterHours);
        assertThat(everything.status()).isEqualTo(200);
        var samples = StreamSupport.stream(everything.json().path("parts").spliterator(), false)
                .flatMap(part -> StreamSupport.stream(part.path("tables").spliterator(), false))
                .filter(table -> table.path("table").asString().equals("telemetry.samples"))
                .findFirst()
                .orElseThrow();
        assertThat(samples.path("rows").size())
                .as("a reading at every quarter-hour boundary")
                .isEqualTo(quarterHours + 1);
        System.out.printf(
                "MEASURE the JSON export of the same person (samples and every rollup tier): %d ms (%.1f MB)%n",
                (everythingAt - exportedAt) / 1_000_000, everything.body().length() / 1e6);
        System.out.printf(
                "MEASURE a year of 15-minute import and export values (%d readings, feed %.1f MB): import %d ms,"
                        + " roll-up %d ms, export %d ms (%.1f MB)%n",
                2 * quarterHours,
                feed.length() / 1e6,
                (importedAt - started) / 1_000_000,
                (rolledUpAt - importedAt) / 1_000_000,
                (exportedAt - rolledUpAt) / 1_000_000,
                exported.length() / 1e6);
    }

    /**
     * A feed in GridVault's own layout with {@code count} quarter-hours from {@code start} (epoch seconds): import
     * values {@code base + i % 50}, export values {@code i % 7}.
     */
    private static String feed(long start, int count, int base) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:%s</id><title>Test feed</title>
                """.formatted(UUID.randomUUID()));
        for (var direction : List.of("import", "export")) {
            var meterReading = "/espi/1_1/resource/RetailCustomer/1/UsagePoint/1/MeterReading/" + direction;
            xml.append("""
                    <entry><link rel="self" href="%1$s"/><link rel="related" href="%1$s/IntervalBlock"/>
                    <link rel="related" href="/espi/1_1/resource/ReadingType/%2$s"/>
                    <content><MeterReading xmlns="http://naesb.org/espi"/></content></entry>
                    <entry><link rel="self" href="/espi/1_1/resource/ReadingType/%2$s"/>
                    <content><ReadingType xmlns="http://naesb.org/espi"><accumulationBehaviour>4</accumulationBehaviour>
                    <flowDirection>%3$s</flowDirection><kind>12</kind><powerOfTenMultiplier>0</powerOfTenMultiplier>
                    <uom>72</uom></ReadingType></content></entry>
                    <entry><link rel="up" href="%1$s/IntervalBlock"/><content><IntervalBlock xmlns="http://naesb.org/espi">
                    """.formatted(meterReading, direction, direction.equals("import") ? "1" : "19"));
            for (int i = 0; i < count; i++) {
                xml.append("<IntervalReading><timePeriod><duration>900</duration><start>")
                        .append(start + 900L * i)
                        .append("</start></timePeriod><value>")
                        .append(direction.equals("import") ? base + i % 50 : i % 7)
                        .append("</value></IntervalReading>\n");
            }
            xml.append("</IntervalBlock></content></entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private String site(Account owner, String zone) {
        var created =
                api.post("/api/v1/sites", owner.token(), Map.of("name", "Home", "timeZone", zone, "region", "eu"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private DeviceId meter(Account owner, String site) {
        var registered = api.post(
                "/api/v1/sites/" + site + "/devices",
                owner.token(),
                Map.of("serialNumber", "GV-" + UUID.randomUUID(), "kind", "grid_meter"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new DeviceId(UUID.fromString(registered.json().path("id").asString()));
    }

    /** Import and export counters of a household with a PV system: import at night, export around noon. */
    private void writeMeter(DeviceId meter, Instant start, Duration length, Duration step) throws Exception {
        var readings = new ArrayList<Reading>();
        double imported = 5_000_000;
        double exported = 70_000;
        for (var t = start; !t.isAfter(start.plus(length)); t = t.plus(step)) {
            int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
            boolean sunny = hour >= 9 && hour < 16;
            imported += sunny ? 0.4 : 31.7 * step.toSeconds() / 300.0;
            exported += sunny ? 57.3 * step.toSeconds() / 300.0 : 0;
            readings.add(
                    Reading.of(meter, t, Map.of(Metric.ENERGY_IMPORT_WH, imported, Metric.ENERGY_EXPORT_WH, exported)));
        }
        writer.append(readings).get(30, TimeUnit.SECONDS);
        rollups.rollUpPending();
    }

    private String exportFeed(Account owner, String site, String from, String to, String interval) {
        var response = api.get(
                "/api/v1/me/export?format=greenbutton&siteId=%s&from=%s&to=%s&interval=%s"
                        .formatted(site, from, to, interval),
                owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
        return response.body();
    }

    private Response importFeed(Account owner, String site, String feed) {
        return api.send(api.request("/api/v1/sites/" + site + "/imports/greenbutton")
                .header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/atom+xml")
                .POST(BodyPublishers.ofString(feed)));
    }

    private JsonNode energy(Account owner, String site, String from, String to, String interval) {
        var response = api.get(
                "/api/v1/sites/%s/energy?from=%s&to=%s&interval=%s".formatted(site, from, to, interval), owner.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> longs(JsonNode intervals, String field) {
        return StreamSupport.stream(intervals.spliterator(), false)
                .map(interval -> interval.path(field).asLong())
                .toList();
    }

    private static List<Long> nonZero(JsonNode intervals, String field) {
        return longs(intervals, field).stream().filter(wh -> wh != 0).toList();
    }

    private static String referenceSample() throws IOException {
        try (var in = GreenButtonIntegrationTests.class.getResourceAsStream("/greenbutton/sample-usage-feed.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void validate(String feed) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(GreenButtonIntegrationTests.class.getResource("/greenbutton/feed.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(feed)));
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> espiTexts(Document document, String element) {
        var nodes = document.getElementsByTagNameNS(ESPI, element);
        var texts = new ArrayList<String>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The non-zero IntervalReading values of the n-th MeterReading's blocks (0: import, 1: export), in order. */
    private static List<Long> readingValues(Document document, int meterReading) {
        var values = new ArrayList<Long>();
        var blocks = document.getElementsByTagNameNS(ESPI, "IntervalBlock");
        int perReading = blocks.getLength() / 2;
        for (int b = meterReading * perReading; b < (meterReading + 1) * perReading; b++) {
            var readings = ((Element) blocks.item(b)).getElementsByTagNameNS(ESPI, "value");
            for (int i = 0; i < readings.getLength(); i++) {
                long value = Long.parseLong(readings.item(i).getTextContent());
                if (value != 0) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static List<Long> sampleValues(String sample) throws Exception {
        var document = parse(sample);
        var readings = document.getElementsByTagNameNS(ESPI, "IntervalReading");
        var values = new ArrayList<Long>();
        for (int i = 0; i < readings.getLength(); i++) {
            values.add(Long.parseLong(((Element) readings.item(i))
                    .getElementsByTagNameNS(ESPI, "value")
                    .item(0)
                    .getTextContent()));
        }
        return values;
    }
}
