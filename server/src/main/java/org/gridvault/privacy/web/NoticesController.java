package org.gridvault.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gridvault.privacy.NoticeVersion;
import org.gridvault.privacy.Notices;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy")
@RestController
class NoticesController {

    private final Notices notices;

    NoticesController(Notices notices) {
        this.notices = notices;
    }

    @Operation(summary = "The privacy notice in force (no log-in needed)")
    @GetMapping("/api/v1/privacy/notice")
    NoticeVersion current() {
        return notices.current();
    }

    @Operation(summary = "Every published version of the privacy notice, newest first")
    @GetMapping("/api/v1/privacy/notices")
    List<NoticeVersion> all() {
        return notices.all();
    }
}
