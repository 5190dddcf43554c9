package org.gridvault.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a page request that changes something (anything but GET, HEAD, OPTIONS) unless htmx sent it, which it marks
 * with the {@code HX-Request} header. Another site can make a browser submit a plain form, but it cannot add a custom
 * header to a cross-origin request without CORS approval, which GridVault never gives; so a forged form post, even a
 * log-in one that needs no cookie, is refused with 403 (ADR 18).
 */
final class HtmxOnlyChanges extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && !"true".equals(request.getHeader("HX-Request"))) {
            response.sendError(
                    HttpServletResponse.SC_FORBIDDEN, "Changes are accepted from GridVault's own pages only");
            return;
        }
        chain.doFilter(request, response);
    }
}
