package org.gridvault.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.gridvault.accounts.AuthenticatedPerson;
import org.gridvault.accounts.Authentication;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its bearer token ({@code Authorization: Bearer ...}) or, from a browser, by the
 * session cookie. A request with neither stays anonymous; one with an invalid token too, so the endpoint's own rule
 * decides (public endpoints keep working, protected ones answer 401).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Authentication authentication;

    BearerTokenFilter(Authentication authentication) {
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var token = presentedToken(request);
        if (token != null) {
            authentication.authenticate(token).ifPresent(BearerTokenFilter::signIn);
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

    private static @Nullable String presentedToken(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        if (request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> SessionCookie.NAME.equals(cookie.getName()))
                .map(cookie -> cookie.getValue())
                .findFirst()
                .orElse(null);
    }
}
