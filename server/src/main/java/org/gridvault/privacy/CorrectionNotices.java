package org.gridvault.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gridvault.database.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the recipients of corrected data about the correction (rectification, promise P24). The module where the
 * person corrected something calls {@link #corrected} with the categories that changed; every recipient the
 * disclosure ledger shows received any of them (for that resource) gets one notice naming the categories they had.
 * Recipients who never received those categories get none.
 *
 * <p>Notices are recorded as {@code pending-delivery}: "delivered by the notification channel when one exists", and
 * there is none yet. The person sees them under {@code GET /api/v1/me/correction-notices}. Thread-safe.
 *
 * <pre>{@code
 * notices.corrected(owner, Set.of("contact.postal"), "site:" + siteId);
 * }</pre>
 */
@Service
public class CorrectionNotices {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CorrectionNotices(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a notice for every recipient of any of {@code categories} of the person's data.
     *
     * @param resource the resource that was corrected ({@code site:<id>}); null when the correction concerns the
     *     person wherever their data went (their name, say)
     * @return how many notices were recorded
     */
    @Transactional
    public int corrected(SubjectId subject, Set<String> categories, @Nullable String resource) {
        if (categories.isEmpty()) {
            return 0;
        }
        var now = clock.instant();
        var corrected = categories.stream().sorted().toArray(String[]::new);
        int notices = jdbc.sql("""
                        insert into privacy.correction_notices (subject_id, recipient_person_id, recipient_organisation,
                            categories, resource, corrected_at, status)
                        select :subject, recipient_person_id, recipient_organisation,
                            array_agg(distinct category order by category),
                            :resource, :now, 'pending-delivery'
                        from privacy.disclosures, unnest(categories) category
                        where subject_id = :subject and category = any(:corrected)
                            and (cast(:resource as text) is null or resource = :resource)
                        group by recipient_person_id, recipient_organisation
                        """)
                .param("subject", subject.value())
                .param("corrected", corrected)
                .param("resource", resource)
                .param("now", Timestamps.of(now))
                .update();
        events.publishEvent(new PersonalDataCorrected(subject, Set.copyOf(categories), resource, now, notices));
        return notices;
    }

    /** The notices sent about the person's corrections, newest first. */
    public List<CorrectionNotice> of(SubjectId subject) {
        return jdbc.sql("select * from privacy.correction_notices where subject_id = :subject order by id desc")
                .param("subject", subject.value())
                .query(CorrectionNotices::map)
                .list();
    }

    private static CorrectionNotice map(ResultSet row, int index) throws SQLException {
        return new CorrectionNotice(
                row.getLong("id"),
                new SubjectId(row.getObject("subject_id", UUID.class)),
                row.getObject("recipient_person_id", UUID.class),
                row.getObject("recipient_organisation", UUID.class),
                Arrays.asList((String[]) row.getArray("categories").getArray()),
                row.getString("resource"),
                Timestamps.readRequired(row, "corrected_at"),
                row.getString("status"));
    }
}
