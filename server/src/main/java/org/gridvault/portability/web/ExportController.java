package org.gridvault.portability.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.portability.GreenButtonExport;
import org.gridvault.privacy.PersonalDataExporter;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy")
@RestController
class ExportController {

    private final PersonalDataExporter json;
    private final GreenButtonExport greenButton;

    ExportController(PersonalDataExporter json, GreenButtonExport greenButton) {
        this.json = json;
        this.greenButton = greenButton;
    }

    @Operation(
            summary = "Download your data",
            description =
                    "format=json (default): everything GridVault holds about you (account, organisations, sites, devices, consents, grants, disclosures, every reading and rollup of your sites), layout in docs/privacy/export-format.md. format=greenbutton&siteId=…&from=…&to=…[&interval=PT15M|PT1H]: the site's grid-meter energy as a Green Button (NAESB ESPI) Atom feed, see docs/privacy/green-button.md.")
    @GetMapping("/api/v1/me/export")
    void export(
            @AuthenticationPrincipal AuthenticatedPerson me,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) @Nullable UUID siteId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "PT15M") String interval,
            HttpServletResponse response)
            throws IOException {
        switch (format) {
            case "json" -> {
                response.setContentType("application/json");
                response.setHeader(
                        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gridvault-personal-data.json\"");
                json.export(me.subjectId(), response.getOutputStream());
            }
            case "greenbutton" -> {
                var feed = greenButton.prepare(
                        me.id(),
                        new SiteId(required(siteId, "siteId")),
                        required(from, "from"),
                        required(to, "to"),
                        interval);
                response.setContentType("application/atom+xml");
                response.setCharacterEncoding("UTF-8");
                response.setHeader(
                        HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"greenbutton-" + siteId + ".xml\"");
                feed.writeTo(response.getOutputStream());
            }
            default ->
                throw ApiProblem.unprocessable(
                                "portability:format.unsupported",
                                "Format '%s' is not offered. Use format=json or format=greenbutton.".formatted(format))
                        .with("parameter", "format");
        }
    }

    private static <T> T required(@Nullable T value, String parameter) {
        if (value == null) {
            throw ApiProblem.badRequest(
                            "request:parameter.missing",
                            "format=greenbutton needs the parameter '%s' (siteId, from and to: an instant or a date)."
                                    .formatted(parameter))
                    .with("parameter", parameter);
        }
        return value;
    }
}
