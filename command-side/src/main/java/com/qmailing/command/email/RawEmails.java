package com.qmailing.command.email;

import com.qmailing.command.blob.BlobKey;
import com.qmailing.command.blob.EncryptedBlobs;
import com.qmailing.events.common.DataSubject;
import com.qmailing.events.email.GetRawEmailChunksQuery;
import com.qmailing.events.email.GetRawEmailQuery;
import com.qmailing.events.email.RawEmailChunkView;
import com.qmailing.events.email.RawEmailView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads raw messages back for the edges. The blob key includes the account, so a foreign
 * account's query finds nothing; a purged email's key is gone, so it reads as absent.
 */
@Component
class RawEmails {

    /** A GCM segment's worth: each chunk is sent as soon as it has been authenticated. */
    private static final int CHUNK = 64 * 1024;

    private final EncryptedBlobs blobs;

    RawEmails(EncryptedBlobs blobs) {
        this.blobs = blobs;
    }

    @QueryHandler
    RawEmailView handle(GetRawEmailQuery query) {
        return blobs.read(DataSubject.email(query.emailId(), query.accountId()),
                        BlobKey.email(query.accountId(), query.emailId().value()))
                .map(RawEmailView::new)
                .orElse(null);
    }

    /** The same bytes chunk by chunk: at most a chunk or two of the message is in memory at a time. */
    @QueryHandler
    Flux<RawEmailChunkView> handle(GetRawEmailChunksQuery query) {
        return Flux.defer(() -> blobs.open(DataSubject.email(query.emailId(), query.accountId()).scope(),
                        BlobKey.email(query.accountId(), query.emailId().value()))
                .map(plaintext -> Flux.using(() -> plaintext, RawEmails::chunks, RawEmails::close))
                .orElseGet(Flux::empty));
    }

    private static Flux<RawEmailChunkView> chunks(EncryptedBlobs.Plaintext plaintext) {
        return Flux.generate(() -> true, (first, sink) -> {
            try {
                byte[] chunk = plaintext.content().readNBytes(CHUNK);
                if (chunk.length > 0 || first) {
                    sink.next(new RawEmailChunkView(plaintext.length(), chunk));
                }
                if (chunk.length == 0) {
                    sink.complete();
                }
            } catch (IOException e) {
                sink.error(new UncheckedIOException(e));
            }
            return false;
        });
    }

    private static void close(EncryptedBlobs.Plaintext plaintext) {
        try {
            plaintext.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
