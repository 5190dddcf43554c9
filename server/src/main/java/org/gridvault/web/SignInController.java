package org.gridvault.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.AccountsProperties;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Authentication;
import org.gridvault.accounts.BrowserSessionCookie;
import org.gridvault.accounts.ProfileChange;
import org.gridvault.accounts.SignUp;
import org.gridvault.privacy.Notices;
import org.gridvault.problems.ApiProblem;
import org.gridvault.sites.SiteDirectory;
import org.gridvault.sites.SiteRole;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a visit starts: {@code /} (to the person's site or to the log-in page), log-in, sign-up with the privacy
 * notice, log-out, and the language switch of a signed-in person. Log-in and sign-up set the same session cookie as
 * the API's log-in.
 */
@Controller
class SignInController {

    private final Authentication authentication;
    private final Accounts accounts;
    private final Notices notices;
    private final SiteDirectory sites;
    private final PersonLocaleResolver locales;
    private final AccountsProperties properties;

    SignInController(
            Authentication authentication,
            Accounts accounts,
            Notices notices,
            SiteDirectory sites,
            PersonLocaleResolver locales,
            AccountsProperties properties) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.notices = notices;
        this.sites = sites;
        this.locales = locales;
        this.properties = properties;
    }

    /** The person's own site if they have one (else the first they can see, else the list), or the log-in page. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable AuthenticatedPerson me) {
        if (me == null) {
            return "redirect:/login";
        }
        var visible = sites.sitesOf(me.id());
        return visible.stream()
                .filter(site -> site.role() == SiteRole.OWNER)
                .findFirst()
                .or(() -> visible.stream().findFirst())
                .map(site -> "redirect:/sites/" + site.site().id())
                .orElse("redirect:/sites");
    }

    @GetMapping("/login")
    String logInPage(@RequestParam(required = false) @Nullable String erased, Model model) {
        model.addAttribute("erased", erased != null);
        return "login";
    }

    @PostMapping("/login")
    ResponseEntity<String> logIn(
            @RequestParam String email, @RequestParam String password, HttpServletRequest request) {
        var session = authentication.logIn(email, password);
        return signedIn(session.token(), request);
    }

    @GetMapping("/signup")
    String signUpPage(Model model) {
        model.addAttribute("notice", notices.current());
        return "signup";
    }

    @PostMapping("/signup")
    ResponseEntity<String> signUp(
            @RequestParam String email,
            @RequestParam String password,
            @RequestParam String displayName,
            @RequestParam String noticeVersion,
            @RequestParam(required = false) @Nullable String acceptNotice,
            @RequestParam(required = false) @Nullable String timeZone,
            Locale locale,
            HttpServletRequest request) {
        if (acceptNotice == null) {
            throw ApiProblem.unprocessable("web:notice.not-accepted", "Accept the privacy notice to open an account.");
        }
        accounts.signUp(new SignUp(
                email.strip(),
                password,
                displayName,
                locale.getLanguage(),
                timeZone == null || timeZone.isBlank() ? null : timeZone,
                noticeVersion));
        return signedIn(authentication.logIn(email, password).token(), request);
    }

    @PostMapping("/logout")
    ResponseEntity<String> logOut(@AuthenticationPrincipal AuthenticatedPerson me, HttpServletRequest request) {
        authentication.logOut(me);
        return ResponseEntity.noContent()
                .header(
                        HttpHeaders.SET_COOKIE,
                        BrowserSessionCookie.clear(request).toString())
                .header("HX-Redirect", "/login")
                .build();
    }

    /** Changes the account's language; the page reloads in it. */
    @PostMapping("/me/language")
    ResponseEntity<String> changeLanguage(
            @AuthenticationPrincipal AuthenticatedPerson me, @RequestParam String language) {
        if (!locales.offers(language)) {
            throw ApiProblem.unprocessable("web:language.unknown", "Choose one of " + properties.languages() + ".");
        }
        accounts.updateProfile(me.id(), new ProfileChange(null, language, null));
        return ResponseEntity.noContent().header("HX-Refresh", "true").build();
    }

    private ResponseEntity<String> signedIn(String token, HttpServletRequest request) {
        return ResponseEntity.noContent()
                .header(
                        HttpHeaders.SET_COOKIE,
                        BrowserSessionCookie.issue(token, properties.sessionLifetime(), request)
                                .toString())
                .header("HX-Redirect", "/")
                .build();
    }
}
