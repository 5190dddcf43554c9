package org.gridvault.ingest.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridvault.devices.DeviceCredentials;
import org.gridvault.devices.DeviceIdentity;
import org.gridvault.ingest.IngestProperties;
import org.gridvault.ingest.PayloadFormat;
import org.gridvault.ingest.Rejection;
import org.gridvault.ingest.TelemetryIntake;
import org.gridvault.problems.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Device telemetry (HTTP)", description = "For devices: report readings with HTTP Basic serial:secret")
@RestController
class HttpTelemetryController {

    static final String SENML_JSON = "application/senml+json";

    record Result(int accepted, int duplicates, int rejected, List<Rejection> rejections) {}

    private final DeviceCredentials credentials;
    private final TelemetryIntake intake;
    private final IngestProperties properties;

    HttpTelemetryController(DeviceCredentials credentials, TelemetryIntake intake, IngestProperties properties) {
        this.credentials = credentials;
        this.intake = intake;
        this.properties = properties;
    }

    @Operation(
            summary = "Report readings",
            description =
                    "Body: one record or an array ({ts, seq?, device?, values}) as application/json, or SenML as application/senml+json. Answers 202 once the accepted readings are durable, listing every rejected record or value with its reason. A payload rejected whole is a problem: 400 telemetry:payload.malformed, 413 telemetry:payload.too-large.")
    @PostMapping(
            path = "/api/v1/devices/{serial}/telemetry",
            consumes = {MediaType.APPLICATION_JSON_VALUE, SENML_JSON})
    ResponseEntity<Result> report(
            @PathVariable String serial,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) @Nullable Long contentLength,
            InputStream body) {
        var device = authenticate(serial, authorization);
        // Read only after authenticating, and never more than the limit: a body is not taken into memory unasked.
        if (contentLength != null && contentLength > properties.maxPayloadBytes()) {
            throw tooLarge();
        }
        var payload = read(body);
        if (payload.length > properties.maxPayloadBytes()) {
            throw tooLarge();
        }
        var format = contentType.toLowerCase().startsWith(SENML_JSON)
                ? PayloadFormat.SENML_JSON
                : PayloadFormat.GRIDVAULT_JSON;
        var result = intake.accept(device, payload, format);
        result.rejections().stream()
                .filter(rejection -> rejection.record() == null)
                .findFirst()
                .ifPresent(whole -> {
                    throw new ApiProblem(
                            whole.code().equals("telemetry:payload.too-large")
                                    ? HttpStatus.CONTENT_TOO_LARGE
                                    : HttpStatus.BAD_REQUEST,
                            whole.code(),
                            whole.reason());
                });
        try {
            result.durable().get(properties.durableTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiProblem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "telemetry:storage.busy",
                            "The readings could not be stored just now; send the same request again in a few seconds.")
                    .with("retryAfterSeconds", 5L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var rejectedRecords = (int)
                result.rejections().stream().filter(r -> r.metric() == null).count();
        return ResponseEntity.accepted()
                .body(new Result(result.accepted(), result.duplicates(), rejectedRecords, result.rejections()));
    }

    private byte[] read(InputStream body) {
        try {
            return body.readNBytes(properties.maxPayloadBytes() + 1);
        } catch (IOException e) {
            throw ApiProblem.badRequest(
                    "telemetry:payload.malformed", "The request body could not be read completely; send it again.");
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "telemetry:payload.too-large",
                "The payload is larger than %d bytes; send fewer records per request."
                        .formatted(properties.maxPayloadBytes()));
    }

    private DeviceIdentity authenticate(String serial, @Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw unauthorized();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
        var colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(serial)) {
            throw unauthorized();
        }
        return credentials
                .authenticate(serial, decoded.substring(colon + 1))
                .orElseThrow(HttpTelemetryController::unauthorized);
    }

    private static ApiProblem unauthorized() {
        return new ApiProblem(
                HttpStatus.UNAUTHORIZED,
                "telemetry:device.unauthenticated",
                "Authenticate with HTTP Basic: the device's serial number as user name and its secret as password, the serial matching the URL.");
    }
}
