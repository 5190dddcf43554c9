package org.gridvault.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.gridvault.accounts.BrowserSessionCookie;
import org.springframework.http.ResponseCookie;

/** The API's view of the browser session cookie (see {@link BrowserSessionCookie}). */
final class SessionCookie {

    static final String NAME = BrowserSessionCookie.NAME;

    private SessionCookie() {}

    static ResponseCookie issue(String token, Duration lifetime, HttpServletRequest request) {
        return BrowserSessionCookie.issue(token, lifetime, request);
    }

    static ResponseCookie clear(HttpServletRequest request) {
        return BrowserSessionCookie.clear(request);
    }
}
