package org.gridvault.problems;

import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Renders every error an API caller can cause as a problem detail with a stable {@code code}.
 *
 * <p>Spring MVC's own exceptions (malformed JSON, a wrong parameter type, an unsupported method) get codes under
 * {@code request:}; module problems ({@link ApiProblem}) keep theirs. Anything else is a fault of ours: it is logged
 * and answered with a 500 that carries no internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Class<? extends Exception>, String> REQUEST_CODES = Map.of(
            HttpRequestMethodNotSupportedException.class, "request:method.not-supported",
            HttpMediaTypeNotSupportedException.class, "request:media-type.not-supported",
            HttpMediaTypeNotAcceptableException.class, "request:media-type.not-acceptable",
            MissingServletRequestParameterException.class, "request:parameter.missing",
            NoResourceFoundException.class, "request:resource.not-found");

    /** SQL states of values PostgreSQL refuses to store: character not in repertoire, datetime field overflow. */
    private static final Set<String> UNSTORABLE_VALUES = Set.of("22021", "22008");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        var body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setProperty("code", problem.code());
        problem.properties().forEach(body::setProperty);
        var response = ResponseEntity.status(problem.status());
        if (problem.properties().get("retryAfterSeconds") instanceof Long seconds) {
            response.header(HttpHeaders.RETRY_AFTER, seconds.toString());
        }
        return response.body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        var expected = e.getRequiredType() == null
                ? "another type"
                : e.getRequiredType().getSimpleName();
        var body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Parameter '%s' has the value '%s', which is not a valid %s."
                        .formatted(e.getName(), e.getValue(), expected));
        body.setProperty("code", "request:parameter.invalid");
        body.setProperty("parameter", e.getName());
        return ResponseEntity.badRequest().body(body);
    }

    /**
     * Values PostgreSQL cannot store come from the request: text with NUL characters (22021) and dates or times
     * beyond its range (22008). Any other integrity violation is a fault of ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorableValue(DataIntegrityViolationException e) {
        if (!(e.getMostSpecificCause() instanceof SQLException sql && UNSTORABLE_VALUES.contains(sql.getSQLState()))) {
            return unexpected(e);
        }
        var body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "A value in the request cannot be stored: text must not contain NUL characters, and dates must lie"
                        + " within years 1 to 9999.");
        body.setProperty("code", "request:value.unsupported");
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        var body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                e.getConstraintViolations().stream()
                        .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; ")));
        body.setProperty("code", "request:parameter.invalid");
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error while handling a request", e);
        var body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. The error has been logged; try again later.");
        body.setProperty("code", "server:internal-error");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .toList();
        var detail = errors.stream()
                .map(error -> error.get("field") + " " + error.get("message"))
                .collect(Collectors.joining("; ", "Fix these fields and send the request again: ", "."));
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        body.setProperty("code", "request:body.invalid");
        body.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                e.getAllErrors().stream()
                        .map(error -> String.valueOf(error.getDefaultMessage()))
                        .collect(Collectors.joining("; ")));
        body.setProperty("code", "request:parameter.invalid");
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBody(e));
        body.setProperty("code", "request:body.malformed");
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", REQUEST_CODES.getOrDefault(e.getClass(), "request:rejected"));
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static Map<String, Object> describe(FieldError error) {
        return Map.of(
                "field", error.getField(),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String unreadableBody(HttpMessageNotReadableException e) {
        var cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            var field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "The request body has a wrong value for '" + field + "': " + databind.getOriginalMessage();
        }
        if (cause instanceof JacksonException jackson) {
            return "The request body is not valid JSON: " + jackson.getOriginalMessage();
        }
        return "The request body is missing or cannot be read. Send a JSON object as described in /api/docs.";
    }
}
