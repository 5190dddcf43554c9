package org.gridvault.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.gridvault.problems.ApiProblem;
import org.junit.jupiter.api.Test;

class TimeBoundUnitTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsInstantsWithOrWithoutAnOffset() {
        assertThat(TimeBound.parse("2026-03-29T10:00:00Z", "from").resolve(BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
        assertThat(TimeBound.parse("2026-03-29T12:00:00+02:00", "from").resolve(BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T10:00:00Z"));
    }

    @Test
    void readsADateAsTheLocalMidnightThatStartsIt() {
        assertThat(TimeBound.parse("2026-03-29", "from").resolve(BERLIN))
                .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(TimeBound.parse("2026-03-30", "to").resolve(BERLIN))
                .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    }

    @Test
    void refusesAnythingElseNamingTheParameter() {
        assertThatThrownBy(() -> TimeBound.parse("29.03.2026", "to"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("telemetry:time.invalid");
                    assertThat(problem.properties()).containsEntry("parameter", "to");
                });
    }
}
