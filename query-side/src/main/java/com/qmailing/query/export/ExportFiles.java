package com.qmailing.query.export;

import com.qmailing.events.common.ExportId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The ZIPs in {@code <data dir>/exports}, readable by the service's user only: they hold a whole
 * account in clear. A ZIP is written beside its final name and renamed when complete, so a
 * download never sees half of one.
 */
@Component
class ExportFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path folder;

    ExportFiles(@Value("${qmailing.data-dir:./data}") Path dataDir) {
        this.folder = dataDir.resolve("exports").toAbsolutePath().normalize();
    }

    Path of(ExportId export) {
        return folder.resolve(export + ".zip");
    }

    /** A new, empty, owner-only file to write the ZIP into. */
    Path draft(ExportId export) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                if (POSIX) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Path draft = folder.resolve(export + ".zip.part");
            Files.deleteIfExists(draft);
            Files.createFile(draft);
            if (POSIX) {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            return draft;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export file of " + export, e);
        }
    }

    OutputStream open(Path draft) throws IOException {
        return Files.newOutputStream(draft);
    }

    void publish(ExportId export, Path draft) throws IOException {
        Files.move(draft, of(export), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void delete(ExportId export) {
        try {
            Files.deleteIfExists(of(export));
            Files.deleteIfExists(folder.resolve(export + ".zip.part"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the export file of " + export, e);
        }
    }
}
