package com.qmailing.command.email;

import com.qmailing.command.crypto.MasterKey;
import com.qmailing.events.common.MailboxId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardTraceTest {

    private static final MailboxId A = MailboxId.parse("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a");
    private static final MailboxId B = MailboxId.parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final byte[] MESSAGE = bytes("From: carol@example.org\r\nTo: a@qmailing.local\r\n"
            + "Subject: Tea\r\n\r\nShall we?\r\n");

    private final ForwardTrace trace = new ForwardTrace(MasterKey.fromBase64(MasterKey.generateBase64()));

    @Test
    void aMessageStampedByAMailboxIsALoopThereAndNowhereElse() {
        byte[] forwarded = stamp(trace, A, MESSAGE);

        assertThat(trace.isLoop(A, forwarded)).isTrue();
        assertThat(trace.isLoop(B, forwarded)).isFalse();
        assertThat(trace.isLoop(A, MESSAGE)).isFalse();
    }

    @Test
    void theStampKeepsTheOriginalBytesUnderOneTraceLine() {
        String forwarded = new String(stamp(trace, A, MESSAGE), StandardCharsets.US_ASCII);

        assertThat(forwarded).startsWith(ForwardTrace.HEADER + ": v1.");
        assertThat(forwarded.substring(forwarded.indexOf("\r\n") + 2)).isEqualTo(new String(MESSAGE,
                StandardCharsets.US_ASCII));
        assertThat(forwarded).doesNotContain(A.toString());
    }

    @Test
    void everyMailboxOfAChainIsRecognisedAfterRemoteHopsRewroteLineEndsAndAddedHeaders() {
        byte[] viaB = stamp(trace, B, stamp(trace, A, MESSAGE));
        byte[] relayed = bytes("Received: from relay.example.net\n\tby mx.example.org\n"
                + new String(viaB, StandardCharsets.US_ASCII).replace("\r\n", "\n") + "\n");

        assertThat(trace.isLoop(A, relayed)).isTrue();
        assertThat(trace.isLoop(B, relayed)).isTrue();
    }

    @Test
    void aMarkCopiedOntoAnotherMessageDoesNotStopItsForward() {
        String stampedLine = new String(stamp(trace, A, MESSAGE), StandardCharsets.US_ASCII).split("\r\n")[0];
        byte[] forged = bytes(stampedLine + "\r\nFrom: mallory@example.org\r\n\r\nSomething else\r\n");

        assertThat(trace.isLoop(A, forged)).isFalse();
    }

    @Test
    void anotherInstancesMarksMeanNothingHere() {
        ForwardTrace elsewhere = new ForwardTrace(MasterKey.fromBase64(MasterKey.generateBase64()));

        assertThat(trace.isLoop(A, stamp(elsewhere, A, MESSAGE))).isFalse();
    }

    /**
     * The mark of a fixed key, mailbox and message, as the first release (which digested a
     * normalised copy of the body) wrote it: forwards stamped before must still be recognised.
     */
    @Test
    void theMarkIsTheOneEarlierReleasesStamped() {
        ForwardTrace fixed = new ForwardTrace(MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        byte[] message = bytes("From: carol@example.org\r\nTo: a@qmailing.local\r\nSubject: Tea\r\n\r\n"
                + "Shall we?\r\nLine two\r\r\n\r\n\r\n");

        assertThat(new String(fixed.line(A, message), StandardCharsets.US_ASCII))
                .isEqualTo("X-QMailing-Forwarded: v1.XGgLTlI9NKn8rxOUiI0oag\r\n");
    }

    @Test
    void pastTheHopLimitAMessageIsKeptWhateverItsMarks() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < ForwardTrace.MAX_HOPS; i++) {
            lines.append(ForwardTrace.HEADER).append(": v1.hop").append(i).append("\r\n");
        }

        assertThat(trace.isLoop(A, bytes(lines + new String(MESSAGE, StandardCharsets.US_ASCII)))).isTrue();
        assertThat(trace.isLoop(A, bytes(lines.substring(lines.indexOf("\n") + 1)
                + new String(MESSAGE, StandardCharsets.US_ASCII)))).isFalse();
    }

    /** The forward copy as reception stores it: the trace line on top of the unchanged bytes. */
    private static byte[] stamp(ForwardTrace by, MailboxId mailbox, byte[] raw) {
        byte[] line = by.line(mailbox, raw);
        byte[] stamped = Arrays.copyOf(line, line.length + raw.length);
        System.arraycopy(raw, 0, stamped, line.length, raw.length);
        return stamped;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
