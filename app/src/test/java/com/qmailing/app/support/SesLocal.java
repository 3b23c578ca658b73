package com.qmailing.app.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * aws-ses-v2-local (npm) as a real SES v2 HTTP endpoint, installed with {@code npm ci} from the
 * checked-in lock file and started once per test JVM. {@link #available()} is false where there is
 * no Node.js, so the tests that need it are reported skipped, not passed.
 */
public final class SesLocal {

    private static final Path PROJECT = locate();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String endpoint;

    private SesLocal() {
    }

    public static boolean available() {
        return onPath("node") && onPath("npm");
    }

    /** Starts the emulator on first use and returns its base URL. */
    public static synchronized String endpoint() {
        if (endpoint == null) {
            try {
                run(List.of("npm", "ci", "--no-audit", "--no-fund"));
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                Process server = new ProcessBuilder(List.of("node", "node_modules/.bin/aws-ses-v2-local",
                        "--host", "127.0.0.1", "--port", Integer.toString(port))).directory(PROJECT.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
                String url = "http://127.0.0.1:" + port;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (true) {
                    try {
                        store(url);
                        break;
                    } catch (IOException notYet) {
                        if (System.nanoTime() > deadline || !server.isAlive()) {
                            throw new IllegalStateException("aws-ses-v2-local did not start", notYet);
                        }
                        Thread.sleep(100);
                    }
                }
                endpoint = url;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return endpoint;
    }

    /** The emulator's record of everything sent to it ({@code GET /store}), as JSON text. */
    public static String store() {
        try {
            return store(endpoint());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String store(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/store")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("app/src/test/node/ses-local"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("src/test/node/ses-local").toAbsolutePath()
                : dir.resolve("app/src/test/node/ses-local");
    }
}
