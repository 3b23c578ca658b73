package com.qmailing.gateway.mime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world messages in the repository's {@code testdata/eml} (a copy of the shared corpus,
 * with its licence), found by walking up from the module directory.
 */
final class SharedTestData {

    private SharedTestData() {
    }

    static Path emlDirectory() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata").resolve("eml");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No testdata/eml in " + start + " or any directory above it");
    }

    static List<Path> mimeToolsMessages() {
        try (Stream<Path> files = Files.list(emlDirectory().resolve("mimetools"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".msg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] mimeTools(String name) {
        try {
            return Files.readAllBytes(emlDirectory().resolve("mimetools").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
