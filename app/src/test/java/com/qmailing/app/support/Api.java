package com.qmailing.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for the tests: what any client of the API would send, nothing Spring-specific. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** The API of an instance a test started itself, outside {@link IntegrationTest}. */
    public static Api onPort(int port) {
        return new Api("http://localhost:" + port);
    }

    public Client as(String token) {
        return new Client(token);
    }

    public Client anonymous() {
        return new Client(null);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Client {

        private final String token;
        private final String accountId;

        Client(String token) {
            this(token, null);
        }

        Client(String token, String accountId) {
            this.token = token;
            this.accountId = accountId;
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        public Response delete(String path) {
            return send("DELETE", path, null, null);
        }

        public Response post(String path, Object body) {
            return send("POST", path, body instanceof String s ? s : json(body), "application/json");
        }

        public Response patch(String path, Object body) {
            return send("PATCH", path, body instanceof String s ? s : json(body), "application/json");
        }

        public Response put(String path, Object body) {
            return send("PUT", path, body instanceof String s ? s : json(body), "application/json");
        }

        public Response send(String method, String path, String body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A multipart/form-data POST built by hand, so tests control every part header. */
        public Response multipart(String path, List<FormPart> parts, Map<String, String> headers) {
            String boundary = "----qmailing-test-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (FormPart part : parts) {
                StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
                if (part.filename() != null) {
                    head.append("; filename=\"").append(part.filename()).append('"');
                }
                head.append("\r\n");
                if (part.contentType() != null) {
                    head.append("Content-Type: ").append(part.contentType()).append("\r\n");
                }
                head.append("\r\n");
                body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                body.writeBytes(part.content());
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A GET whose body is bytes, for downloads. */
        public HttpResponse<byte[]> download(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A new account on the given plan with a {@code *} token; returns a client acting as it. */
        public Client newAccount(String plan) {
            Response account = post("/api/v1/admin/accounts",
                    Map.of("email", "owner-" + UUID.randomUUID() + "@example.com", "name", "Owner", "plan", plan));
            account.expect(201);
            Response token = post("/api/v1/admin/accounts/" + account.json().get("id").asText() + "/tokens",
                    Map.of("label", "tests", "scopes", new String[]{"*"}));
            token.expect(201);
            return new Client(token.json().get("plaintext").asText(), account.json().get("id").asText());
        }

        public String token() {
            return token;
        }

        /** The account of a client made by {@link #newAccount}. */
        public String accountId() {
            if (accountId == null) {
                throw new IllegalStateException("not a client made by newAccount");
            }
            return accountId;
        }
    }

    /** One part of a multipart body; {@code filename} and {@code contentType} may be null. */
    public record FormPart(String name, String filename, String contentType, byte[] content) {

        public static FormPart field(String name, String text) {
            return new FormPart(name, null, null, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
