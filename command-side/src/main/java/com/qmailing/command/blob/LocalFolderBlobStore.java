package com.qmailing.command.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Blobs as files under a root folder: key {@code a/b} is the file {@code a/b.blob}. Key segments
 * never contain a dot, so neither temporary files ({@code .*.tmp}) nor folders ever collide with
 * a blob's file.
 * <p>
 * A put writes a temporary file in the target folder, forces it to disk, renames it over the
 * target atomically and then forces the folder, so a reader or a crash sees the old blob or the
 * new one, never a torn one. Files are owner-only where the file system has POSIX permissions.
 */
public final class LocalFolderBlobStore implements BlobStore {

    static final String SUFFIX = ".blob";
    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MIN_BUFFER_SIZE = 4 * 1024;

    private final Path root;
    private final boolean posix;
    private final FolderSyncs folderSyncs = new FolderSyncs(LocalFolderBlobStore::force);

    /** @throws BlobStoreUnavailableException when the root folder cannot be created */
    public LocalFolderBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
            this.posix = Files.getFileStore(this.root).supportsFileAttributeView("posix");
            if (posix) {
                Files.setPosixFilePermissions(this.root, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new BlobStoreUnavailableException("cannot create the blob folder " + this.root, e);
        }
    }

    @Override
    public void put(BlobKey key, BlobSource content) {
        Path target = pathOf(key);
        Path folder = target.getParent();
        Path temp = null;
        try {
            createFolders(folder);
            temp = posix
                    ? Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX, ownerOnly("rw-------"))
                    : Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 InputStream in = content.open()) {
                long written = copy(in, channel, content.length());
                if (written != content.length()) {
                    throw new IOException("the content is " + written + " bytes, not the " + content.length()
                            + " announced");
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            // The rename lives in the folder's entries: without this a crash could forget it.
            syncFolder(folder);
        } catch (IOException | UncheckedIOException e) {
            throw new BlobStoreUnavailableException("cannot store blob " + key, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<StoredBlob> open(BlobKey key) {
        try {
            FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
            try {
                return Optional.of(new StoredBlob(channel.size(), Channels.newInputStream(channel)));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BlobStoreUnavailableException("cannot read blob " + key, e);
        }
    }

    /** @param expected the announced length: a small blob gets a buffer of its size, not {@link #BUFFER_SIZE} */
    private static long copy(InputStream in, FileChannel channel, long expected) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER_SIZE, Math.max(MIN_BUFFER_SIZE, expected))];
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
            total += read;
        }
        return total;
    }

    @Override
    public boolean exists(BlobKey key) {
        return Files.isRegularFile(pathOf(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void delete(BlobKey key) {
        Path path = pathOf(key);
        try {
            if (Files.deleteIfExists(path)) {
                syncFolder(path.getParent());
            }
        } catch (IOException e) {
            throw new BlobStoreUnavailableException("cannot delete blob " + key, e);
        }
    }

    /** Unlinks every file first and then flushes each folder once, not once per file. */
    @Override
    public void delete(Collection<BlobKey> keys) {
        Set<Path> touched = new LinkedHashSet<>();
        try {
            for (BlobKey key : keys) {
                Path path = pathOf(key);
                if (Files.deleteIfExists(path)) {
                    touched.add(path.getParent());
                }
            }
            for (Path folder : touched) {
                syncFolder(folder);
            }
        } catch (IOException e) {
            throw new BlobStoreUnavailableException("cannot delete " + keys.size() + " blobs", e);
        }
    }

    @Override
    public int deleteAll(BlobKey prefix) {
        Path folder = folderOf(prefix);
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                return 0;
            }
            int deleted = deleteTree(folder);
            // Purged data must stay purged: make the folder's removal survive a crash.
            syncFolder(folder.getParent());
            return deleted;
        } catch (IOException e) {
            throw new BlobStoreUnavailableException("cannot delete the blobs below " + prefix, e);
        }
    }

    private Path pathOf(BlobKey key) {
        String[] segments = key.segments();
        Path path = root;
        for (int i = 0; i < segments.length - 1; i++) {
            path = path.resolve(segments[i]);
        }
        return path.resolve(segments[segments.length - 1] + SUFFIX);
    }

    private Path folderOf(BlobKey prefix) {
        Path path = root;
        for (String segment : prefix.segments()) {
            path = path.resolve(segment);
        }
        return path;
    }

    /** @return how many blobs (not temporary files, not folders) were deleted */
    private static int deleteTree(Path folder) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    deleted += deleteTree(entry);
                } else if (Files.deleteIfExists(entry) && entry.getFileName().toString().endsWith(SUFFIX)) {
                    deleted++;
                }
            }
        }
        Files.deleteIfExists(folder);
        return deleted;
    }

    private void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent());
        try {
            if (posix) {
                Files.createDirectory(folder, ownerOnly("rwx------"));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // A concurrent put into the same folder created it first.
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
        syncFolder(folder.getParent());
    }

    private void syncFolder(Path folder) throws IOException {
        // Only POSIX systems can open and force a directory; elsewhere the rename is all there is.
        if (!posix) {
            return;
        }
        folderSyncs.sync(folder);
    }

    private static void force(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The original failure is the one worth reporting; a stray temp file is never read as a blob.
        }
    }

    @Override
    public String toString() {
        return "LocalFolderBlobStore[" + root + "]";
    }
}
