package org.gridvault.problems;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A caller's request that cannot be carried out, with everything the caller needs to fix it.
 *
 * <p>Thrown by module services; rendered by {@link ProblemDetailsAdvice} as an RFC 9457 problem detail whose
 * {@code code} never changes once published, so clients can branch on it. Modules create their problems through
 * small factories named for the situation:
 *
 * <pre>{@code
 * throw ApiProblem.notFound("sites:site.not-found", "No site " + id + " is visible to you.");
 * }</pre>
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem badRequest(String code, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiProblem forbidden(String code, String message) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiProblem notFound(String code, String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiProblem conflict(String code, String message) {
        return new ApiProblem(HttpStatus.CONFLICT, code, message);
    }

    public static ApiProblem unprocessable(String code, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    /** Adds a machine-readable detail (for example the offending field) to the rendered problem. */
    public ApiProblem with(String name, @Nullable Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
