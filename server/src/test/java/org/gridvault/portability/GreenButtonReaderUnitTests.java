package org.gridvault.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.gridvault.problems.ApiProblem;
import org.junit.jupiter.api.Test;

class GreenButtonReaderUnitTests {

    private static final String HEAD = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><link rel="self" href="/mr"/><content><MeterReading xmlns="http://naesb.org/espi"/></content></entry>
            <entry><link rel="self" href="/rt"/><content><ReadingType xmlns="http://naesb.org/espi">
            <flowDirection>%s</flowDirection><powerOfTenMultiplier>%s</powerOfTenMultiplier><uom>%s</uom>
            </ReadingType></content></entry>
            <entry><link rel="up" href="/mr/IntervalBlock"/><content><IntervalBlock xmlns="http://naesb.org/espi">
            """;
    private static final String TAIL = "</IntervalBlock></content></entry></feed>";

    @Test
    void scalesByThePowerOfTenAndReadsReverseFlowAsExport() {
        var intervals = GreenButtonReader.read(feed("19", "3", "72", reading(1_700_000_000L, 3600, 2)));

        assertThat(intervals.imported()).isEmpty();
        assertThat(intervals.exported()).containsExactly(new FeedIntervals.Interval(1_700_000_000L, 3600, 2_000));
    }

    @Test
    void skipsReadingsThatAreNotEnergyInWattHours() {
        assertThatThrownBy(() -> GreenButtonReader.read(feed("1", "0", "38", reading(1_700_000_000L, 900, 5))))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.code()).isEqualTo("portability:greenbutton.no-energy-readings"));
    }

    @Test
    void refusesOverlappingIntervalsOfOneDirection() {
        var body = reading(1_700_000_000L, 900, 5) + reading(1_700_000_600L, 900, 5);

        assertThatThrownBy(() -> GreenButtonReader.read(feed("1", "0", "72", body)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.code()).isEqualTo("portability:greenbutton.intervals-overlap"));
    }

    @Test
    void stopsReadingAFeedWithTooManyIntervalsBeforeItFillsTheMemory() {
        var head = new ByteArrayInputStream(HEAD.formatted("1", "0", "72").getBytes(StandardCharsets.UTF_8));
        var endless = new SequenceInputStream(new Enumeration<InputStream>() {
            private long next = 1_500_000_000L;

            @Override
            public boolean hasMoreElements() {
                return true;
            }

            @Override
            public InputStream nextElement() {
                var chunk = new StringBuilder();
                for (int i = 0; i < 1_000; i++, next += 900) {
                    chunk.append(reading(next, 900, 1));
                }
                return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThatThrownBy(() -> GreenButtonReader.read(new SequenceInputStream(head, endless)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.code()).isEqualTo("portability:greenbutton.too-many-intervals"));
    }

    private static InputStream feed(String flowDirection, String multiplier, String uom, String readings) {
        return new ByteArrayInputStream(
                (HEAD.formatted(flowDirection, multiplier, uom) + readings + TAIL).getBytes(StandardCharsets.UTF_8));
    }

    private static String reading(long start, int seconds, long value) {
        return "<IntervalReading><timePeriod><duration>%d</duration><start>%d</start></timePeriod><value>%d</value></IntervalReading>"
                .formatted(seconds, start, value);
    }
}
