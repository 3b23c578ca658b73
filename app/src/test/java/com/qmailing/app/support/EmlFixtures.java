package com.qmailing.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's real-world and malformed messages ({@code testdata/eml}). */
public final class EmlFixtures {

    private EmlFixtures() {
    }

    public static Path emlDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("testdata/eml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no testdata/eml above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("testdata/eml");
    }

    public static List<Path> mimetools() {
        try (Stream<Path> files = Files.list(emlDirectory().resolve("mimetools"))) {
            return files.filter(f -> f.toString().endsWith(".msg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
