package org.gridvault.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gridvault.privacy.CorrectionNotice;
import org.gridvault.privacy.CorrectionNotices;
import org.gridvault.privacy.SubjectPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy")
@RestController
class CorrectionNoticesController {

    private final CorrectionNotices notices;

    CorrectionNoticesController(CorrectionNotices notices) {
        this.notices = notices;
    }

    @Operation(
            summary = "Who was told about your corrections",
            description =
                    "When you correct your profile or a site, everyone who had received the corrected data (see GET /api/v1/me/disclosures) gets a correction notice naming the categories they had. Status pending-delivery: recorded, waiting for a notification channel. Newest first.")
    @GetMapping("/api/v1/me/correction-notices")
    List<CorrectionNotice> notices(@AuthenticationPrincipal SubjectPrincipal me) {
        return notices.of(me.subjectId());
    }
}
