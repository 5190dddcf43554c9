package org.gridvault.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's frame needs: who is signed in ({@code me}, null on public pages), the zone their own times are
 * shown in ({@code zone}; a site's times are shown in the site's zone), the languages to switch between, the
 * current path (for the navigation and the language links) and the {@code lang} the link asked for, if any (carried
 * on to the next page, since no cookie remembers it).
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Accounts accounts;
    private final PersonLocaleResolver locales;

    PageModel(Accounts accounts, PersonLocaleResolver locales) {
        this.accounts = accounts;
        this.locales = locales;
    }

    @ModelAttribute
    void frame(Model model, HttpServletRequest request) {
        var me = me();
        model.addAttribute("me", me);
        model.addAttribute("zone", me == null ? ZoneOffset.UTC : zoneOf(me));
        model.addAttribute(
                "languages",
                locales.supported().stream().map(Locale::getLanguage).toList());
        model.addAttribute("currentPath", request.getRequestURI());
        var lang = request.getParameter("lang");
        model.addAttribute("lang", locales.offers(lang) ? lang : null);
    }

    private @Nullable Person me() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedPerson person
                ? accounts.person(person.id())
                : null;
    }

    private static ZoneId zoneOf(Person person) {
        try {
            return ZoneId.of(person.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
