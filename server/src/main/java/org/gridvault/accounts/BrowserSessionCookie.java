package org.gridvault.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The browser's session cookie: the same token the API returns, kept HttpOnly so scripts cannot read it, and
 * SameSite=Lax so other sites cannot make the browser send it with a form post. It is the only cookie GridVault sets
 * without asking. Used by the API's log-in and by the browser pages, so both set the very same cookie.
 */
public final class BrowserSessionCookie {

    public static final String NAME = "gv_session";

    private BrowserSessionCookie() {}

    public static ResponseCookie issue(String token, Duration lifetime, HttpServletRequest request) {
        return ResponseCookie.from(NAME, token)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(lifetime)
                .build();
    }

    public static ResponseCookie clear(HttpServletRequest request) {
        return ResponseCookie.from(NAME, "")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(0)
                .build();
    }
}
