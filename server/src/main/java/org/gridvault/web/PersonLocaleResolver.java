package org.gridvault.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.gridvault.accounts.Accounts;
import org.gridvault.accounts.AccountsProperties;
import org.gridvault.accounts.AuthenticatedPerson;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page, without a cookie (P35): a {@code lang} parameter when the link names one, else the
 * language of the person's account, else the browser's {@code Accept-Language}, else the platform default. Only the
 * languages in {@code gridvault.accounts.languages} are offered. Changing it is a change to the account (or a link
 * with {@code lang}), never a stored cookie.
 */
@Component("localeResolver")
class PersonLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = PersonLocaleResolver.class.getName() + ".locale";

    private final Accounts accounts;
    private final List<Locale> supported;

    PersonLocaleResolver(Accounts accounts, AccountsProperties properties) {
        this.accounts = accounts;
        this.supported =
                properties.languages().stream().map(Locale::forLanguageTag).toList();
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale locale) {
            return locale;
        }
        var locale = choose(request);
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The language is a setting of the account, or a lang parameter");
    }

    /** Whether the language tag is one the pages are offered in. */
    boolean offers(@Nullable String language) {
        return language != null
                && supported.stream().anyMatch(locale -> locale.getLanguage().equals(language));
    }

    List<Locale> supported() {
        return supported;
    }

    private Locale choose(HttpServletRequest request) {
        var requested = request.getParameter("lang");
        if (offers(requested)) {
            return Locale.forLanguageTag(requested);
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedPerson person) {
            var language = accounts.person(person.id()).language();
            if (offers(language)) {
                return Locale.forLanguageTag(language);
            }
        }
        var accepted = request.getHeader("Accept-Language");
        if (accepted != null) {
            try {
                var match = Locale.lookup(Locale.LanguageRange.parse(accepted), supported);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // A header no browser sends: the default language will do.
            }
        }
        return supported.getFirst();
    }
}
