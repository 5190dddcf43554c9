package org.gridvault.web;

import jakarta.servlet.http.HttpServletRequest;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.BrowserSessionCookie;
import org.gridvault.accounts.Reauthentication;
import org.gridvault.privacy.Erasures;
import org.gridvault.rights.Cancellations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ending the account from the privacy center: cancelling it (after the grace period; undoable until then) or erasing
 * everything at once. Both ask for the password again (a fresh re-authentication), like the API.
 */
@Controller
class AccountEndingController {

    private final Reauthentication reauthentication;
    private final Cancellations cancellations;
    private final Erasures erasures;

    AccountEndingController(Reauthentication reauthentication, Cancellations cancellations, Erasures erasures) {
        this.reauthentication = reauthentication;
        this.cancellations = cancellations;
        this.erasures = erasures;
    }

    @PostMapping("/privacy/cancellation")
    String cancel(@AuthenticationPrincipal AuthenticatedPerson me, @RequestParam String password, Model model) {
        reauthentication.confirm(me, password);
        var request = cancellations.request(me.subjectId());
        model.addAttribute("cancellation", request);
        return "privacy :: cancellation";
    }

    @PostMapping("/privacy/cancellation/undo")
    String undo(@AuthenticationPrincipal AuthenticatedPerson me, Model model) {
        cancellations.undo(me.subjectId());
        model.addAttribute("cancellation", null);
        return "privacy :: cancellation";
    }

    /** Erases everything; the session goes with the account, so the browser is sent to the log-in page. */
    @PostMapping("/privacy/erasure")
    ResponseEntity<String> erase(
            @AuthenticationPrincipal AuthenticatedPerson me, @RequestParam String password, HttpServletRequest http) {
        reauthentication.confirm(me, password);
        erasures.request(me.subjectId());
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, BrowserSessionCookie.clear(http).toString())
                .header("HX-Redirect", "/login?erased")
                .build();
    }
}
