package org.gridvault.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Authentication;
import org.gridvault.accounts.BrowserSessionCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the person whose session cookie a page request carries. No cookie or an invalid one leaves the request
 * anonymous, and the page's own rule decides (public pages render, the others redirect to the log-in page).
 */
final class SessionCookieAuthentication extends OncePerRequestFilter {

    private final Authentication authentication;

    SessionCookieAuthentication(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getCookies() != null) {
            Arrays.stream(request.getCookies())
                    .filter(cookie -> BrowserSessionCookie.NAME.equals(cookie.getName()))
                    .findFirst()
                    .flatMap(cookie -> authentication.authenticate(cookie.getValue()))
                    .ifPresent(SessionCookieAuthentication::signIn);
        }
        chain.doFilter(request, response);
    }

    private static void signIn(AuthenticatedPerson person) {
        var authorities = person.operator()
                ? List.of(new SimpleGrantedAuthority("ROLE_PERSON"), new SimpleGrantedAuthority("ROLE_OPERATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_PERSON"));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, authorities));
        SecurityContextHolder.setContext(context);
    }
}
