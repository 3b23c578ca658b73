package com.qmailing.command.blob;

import com.qmailing.events.common.AccountId;
import com.qmailing.events.common.DataSubject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class LocalFolderBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path parent;

    private Path root;
    private LocalFolderBlobStore store;

    @BeforeEach
    void createStore() {
        root = parent.resolve("blobs");
        store = new LocalFolderBlobStore(root);
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void aBlobIsAFileNamedAfterItsKey() {
        store.put(BlobKey.of("account/email"), bytes("content"));

        assertThat(root.resolve("account").resolve("email" + LocalFolderBlobStore.SUFFIX)).hasContent("content");
    }

    @Test
    void filesAreReadableByTheOwnerOnly() throws IOException {
        assumeThat(Files.getFileStore(parent).supportsFileAttributeView("posix")).isTrue();

        store.put(BlobKey.of("account/folder/email"), bytes("x"));

        assertThat(permissions(root)).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("account"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("account/folder"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("account/folder/email" + LocalFolderBlobStore.SUFFIX))).isEqualTo("rw-------");
    }

    @Test
    void aFailedPutLeavesNoTemporaryFileBehind() throws IOException {
        // A non-empty folder where the blob's file should go: the temporary file is written, the
        // rename over the folder fails. (Read-only folders would not do: tests may run as root.)
        Path blocker = root.resolve("account").resolve("email" + LocalFolderBlobStore.SUFFIX);
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("occupied"), "x");

        assertThatThrownBy(() -> store.put(BlobKey.of("account/email"), random(100_000, 3)))
                .isInstanceOf(BlobStoreUnavailableException.class)
                .hasMessageContaining("account/email");

        assertThat(allFiles(root)).containsExactly(blocker.resolve("occupied"));
    }

    @Test
    void aFolderThatCannotBeCreatedSurfacesAsUnavailable() throws IOException {
        Files.writeString(root.resolve("account"), "a file where the account's folder should be");

        assertThatThrownBy(() -> store.put(BlobKey.of("account/email"), bytes("x")))
                .isInstanceOf(BlobStoreUnavailableException.class);
    }

    @Test
    void hostileKeysWriteNothingOutsideTheRoot() throws IOException {
        List<Path> before = allFiles(parent);

        for (String hostile : List.of("../escape", "../../escape", "/tmp/escape")) {
            assertThatThrownBy(() -> store.put(BlobKey.of(hostile), bytes("x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(allFiles(parent)).isEqualTo(before);
    }

    @Test
    void deleteAllRemovesTheAccountsFoldersToo() {
        store.put(BlobKey.of("acc/folder/1"), bytes("x"));

        store.deleteAll(BlobKey.of("acc"));

        assertThat(root.resolve("acc")).doesNotExist();
    }

    @Test
    void aBlobWrittenThroughEncryptedBlobsNeverHoldsThePlaintextOnDisk() throws IOException {
        EncryptedBlobs blobs = new EncryptedBlobs(store, TestKeyVaults.fresh());
        AccountId account = AccountId.random();
        String marker = "Subject: the-plaintext-marker-" + UUID.randomUUID();
        byte[] plaintext = bytes(marker + "\r\n\r\n" + "Dear Alice, the launch code is 0000.\r\n".repeat(50));

        blobs.store(DataSubject.account(account), BlobKey.email(account, UUID.randomUUID()), plaintext);

        List<Path> files = allFiles(root);
        assertThat(files).hasSize(1);
        for (Path file : files) {
            String onDisk = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(onDisk).doesNotContain("plaintext-marker").doesNotContain("launch code").doesNotContain("Alice");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> allFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
