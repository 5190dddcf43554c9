package org.gridvault.portability.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.portability.GreenButtonImport;
import org.gridvault.portability.ImportResult;
import org.gridvault.sites.SiteId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sites")
@RestController
class ImportController {

    private final GreenButtonImport imports;

    ImportController(GreenButtonImport imports) {
        this.imports = imports;
    }

    @Operation(
            summary = "Import a Green Button feed into the site's grid-meter history",
            description =
                    "Send the feed (an ESPI Atom document, as a utility or GridVault's own export gives it) as the body. Interval readings of energy in Wh flowing forward (1) become grid import, reverse (19) grid export; GET /api/v1/sites/{siteId}/energy shows them once rolled up (seconds). 201 for a new import; 200 with alreadyImported=true when the same intervals were imported before (nothing changes). Owner only. See docs/privacy/green-button.md.")
    @PostMapping("/api/v1/sites/{siteId}/imports/greenbutton")
    ResponseEntity<ImportResult> importFeed(
            @AuthenticationPrincipal AuthenticatedPerson me, @PathVariable UUID siteId, HttpServletRequest request)
            throws IOException {
        var result = imports.importFeed(me.id(), new SiteId(siteId), request.getInputStream());
        return ResponseEntity.status(result.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(result);
    }
}
