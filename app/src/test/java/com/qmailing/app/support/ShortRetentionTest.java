package com.qmailing.app.support;

import com.qmailing.command.blob.BlobStore;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;

/**
 * The full stack with a soft-delete window of seconds, so a test can watch a purge happen. Its own
 * (cached) application context: share it rather than adding more retention settings. The blob store
 * is the real one, watched by a spy so a test can make it fail the way a broken disk would.
 */
@TestPropertySource(properties = "qmailing.retention-period=PT5S")
public abstract class ShortRetentionTest extends IntegrationTest {

    protected static final Duration RETENTION = Duration.ofSeconds(5);
    /** The window, a deadline poll or two, the purge and the projections catching up, on a busy machine. */
    protected static final Duration PURGE_TIMEOUT = RETENTION.plusSeconds(25);

    @MockitoSpyBean
    protected BlobStore blobStore;
}
