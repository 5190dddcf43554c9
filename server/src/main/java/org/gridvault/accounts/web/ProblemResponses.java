package org.gridvault.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Answers requests that security turns away with the same problem details as every other API error. */
final class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(
                response,
                HttpStatus.UNAUTHORIZED,
                "accounts:authentication.required",
                "Log in first: POST /api/v1/sessions returns a token; send it as 'Authorization: Bearer <token>'.");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(response, HttpStatus.FORBIDDEN, "accounts:access.denied", "Your account may not do this.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
