package org.gridvault.rights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.privacy.PrivacyRequestId;
import org.gridvault.privacy.PrivacyRequests;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register of data-subject requests for operators (the security configuration keeps /api/v1/admin/** to them). */
@Tag(name = "Operator: privacy requests", description = "The register of data-subject requests, with deadlines")
@RestController
class AdminPrivacyRequestsController {

    record Extension(@NotBlank @Size(max = 500) String reason) {}

    private static final MediaType CSV = new MediaType("text", "csv");

    private final PrivacyRequests requests;
    private final Clock clock;

    AdminPrivacyRequestsController(PrivacyRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Operation(
            summary = "The register of privacy requests",
            description =
                    "By deadline in force, earliest first. filter: all (default), pending, overdue, due-soon. Accept: text/csv gives the CSV export.")
    @GetMapping(value = "/api/v1/admin/privacy-requests", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RequestView> list(@RequestParam(required = false) @Nullable String filter) {
        return views(filter);
    }

    @GetMapping(value = "/api/v1/admin/privacy-requests", produces = "text/csv")
    ResponseEntity<String> listAsCsv(@RequestParam(required = false) @Nullable String filter) {
        return csv(filter);
    }

    @Operation(summary = "The register of privacy requests as CSV", description = "Same filters as the JSON list.")
    @GetMapping("/api/v1/admin/privacy-requests.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String filter) {
        var header = "id,type,status,subject,jurisdiction,received_at,deadline,extended_deadline,due_by,overdue,"
                + "extension_reason,effective_at,completed_at";
        var rows = views(filter).stream()
                .map(view -> Stream.of(
                                view.id(),
                                view.type().wireName(),
                                view.status().wireName(),
                                view.subject(),
                                view.jurisdiction(),
                                view.receivedAt(),
                                view.deadline(),
                                view.extendedDeadline(),
                                view.dueBy(),
                                view.overdue(),
                                view.extensionReason(),
                                view.effectiveAt(),
                                view.completedAt())
                        .map(AdminPrivacyRequestsController::cell)
                        .collect(Collectors.joining(",")));
        var body = Stream.concat(Stream.of(header), rows).collect(Collectors.joining("\r\n", "", "\r\n"));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"privacy-requests.csv\"")
                .body(body);
    }

    @Operation(
            summary = "Extend a request's deadline",
            description =
                    "Once, by the jurisdiction's extension, with a reason; the person is told (the notice appears in their list of requests).")
    @PostMapping("/api/v1/admin/privacy-requests/{id}/extension")
    RequestView extend(
            @AuthenticationPrincipal AuthenticatedPerson operator,
            @PathVariable UUID id,
            @Valid @RequestBody Extension extension) {
        var extended = requests.extend(new PrivacyRequestId(id), extension.reason(), operator.subjectId());
        return RequestView.forOperator(extended, clock.instant());
    }

    private List<RequestView> views(@Nullable String filter) {
        var now = clock.instant();
        return requests.all(filter(filter)).stream()
                .map(request -> RequestView.forOperator(request, now))
                .toList();
    }

    private static PrivacyRequests.Filter filter(@Nullable String filter) {
        if (filter == null || filter.isBlank()) {
            return PrivacyRequests.Filter.ALL;
        }
        try {
            return PrivacyRequests.Filter.valueOf(
                    filter.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(
                    "rights:filter.unknown",
                    "Unknown filter '%s'. Use all, pending, overdue or due-soon.".formatted(filter));
        }
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so that spreadsheets do not run the cell as a formula. */
    private static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n') || text.startsWith("'")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
