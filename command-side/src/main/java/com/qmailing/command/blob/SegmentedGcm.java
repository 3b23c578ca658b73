package com.qmailing.command.blob;

import com.qmailing.command.crypto.CryptoException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * AES-256-GCM over a stream, one 64 KiB segment at a time, each sealed and authenticated on its
 * own, so neither side ever holds more than a segment and a reader never sees a byte that has not
 * been verified. The construction is the STREAM one of Hoang, Reyhanitabar, Rogaway and Vizár
 * (used by Tink's streaming AEAD and by age):
 * <ul>
 * <li>the stream starts with a random 8-byte nonce prefix; segment {@code i} is sealed under the
 *     nonce {@code prefix || i} (4 bytes, big-endian), so segments cannot be reordered;</li>
 * <li>each segment's associated data is the caller's, then {@code i} and a byte that is 1 on the
 *     last segment only, so a stream cut at a segment boundary or extended past its end fails;</li>
 * <li>every segment but the last holds exactly {@link #SEGMENT} plaintext bytes; the last holds
 *     the rest, possibly none (an empty plaintext is one empty, tagged segment).</li>
 * </ul>
 * The nonce prefix is random per stream, so rewriting a blob under the same key never reuses a nonce.
 */
final class SegmentedGcm {

    static final int SEGMENT = 64 * 1024;
    static final int PREFIX_BYTES = 8;
    private static final int TAG_BYTES = 16;
    private static final int SEALED_SEGMENT = SEGMENT + TAG_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SegmentedGcm() {
    }

    /** The length of the sealed stream for a plaintext of the given length, prefix included. */
    static long sealedLength(long plaintextLength) {
        long segments = Math.max(1, (plaintextLength + SEGMENT - 1) / SEGMENT);
        return PREFIX_BYTES + plaintextLength + segments * TAG_BYTES;
    }

    /** The plaintext length of a well-formed sealed stream of the given length; negative when none fits. */
    static long plaintextLength(long sealedLength) {
        long body = sealedLength - PREFIX_BYTES;
        if (body < TAG_BYTES) {
            return -1;
        }
        long segments = (body + SEALED_SEGMENT - 1) / SEALED_SEGMENT;
        return body - segments * TAG_BYTES;
    }

    /**
     * The sealed form of {@code plaintext}, produced as it is read.
     *
     * @param length the plaintext's length: a source that yields more or fewer bytes makes the
     *               stream fail rather than store something of another length than announced
     */
    static InputStream sealing(SecretKey key, byte[] associatedData, InputStream plaintext, long length) {
        return new Sealing(key, associatedData, plaintext, length);
    }

    /**
     * The plaintext of a sealed stream, segment by segment, each verified before any of its bytes
     * is returned.
     *
     * @throws CryptoException from {@code read} when a segment does not authenticate, or the
     *         stream was cut short or extended
     */
    static InputStream opening(SecretKey key, byte[] associatedData, InputStream sealed) {
        return new Opening(key, associatedData, sealed);
    }

    /** Hands out one transformed segment after the other. */
    private abstract static class SegmentStream extends InputStream {

        final SecretKey key;
        final byte[] associatedData;
        final InputStream source;
        final Cipher cipher;
        byte[] prefix;
        byte[] segment = new byte[0];
        int position;
        int limit;
        int index;
        boolean finished;
        /** The byte read to learn whether the previous segment was the last; -1 when none is held. */
        private int lookahead = -1;

        SegmentStream(SecretKey key, byte[] associatedData, InputStream source) {
            this.key = key;
            this.associatedData = associatedData;
            this.source = source;
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }

        /** Puts the next segment into {@link #segment}; sets {@link #finished} after the last one. */
        abstract void next() throws IOException;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == limit) {
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, limit - position);
            System.arraycopy(segment, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return limit - position;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }

        /**
         * Reads up to {@code size} bytes of the source into {@code into}.
         *
         * @return how many, and whether the source ended with them (then this is the last segment)
         */
        Chunk fill(byte[] into, int size) throws IOException {
            int n = 0;
            if (lookahead >= 0) {
                into[n++] = (byte) lookahead;
                lookahead = -1;
            }
            n += source.readNBytes(into, n, size - n);
            boolean last = n < size;
            if (!last) {
                lookahead = source.read();
                last = lookahead < 0;
            }
            return new Chunk(n, last);
        }

        void init(int mode, boolean last) throws GeneralSecurityException {
            byte[] nonce = ByteBuffer.allocate(PREFIX_BYTES + 4).put(prefix).putInt(index).array();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData);
            cipher.updateAAD(ByteBuffer.allocate(5).putInt(index).put((byte) (last ? 1 : 0)).array());
        }
    }

    private record Chunk(int length, boolean last) {
    }

    private static final class Sealing extends SegmentStream {

        private final long expected;
        /**
         * A segment's plaintext: no larger than the announced length, so a message of 10 kB does
         * not allocate (and zero) 128 KiB of buffers. A source that keeps to its announced length
         * gives the same segments either way; one that yields more fails either way.
         */
        private final byte[] plain;
        private long total;

        Sealing(SecretKey key, byte[] associatedData, InputStream plaintext, long expected) {
            super(key, associatedData, plaintext);
            this.expected = expected;
            this.plain = new byte[(int) Math.min(SEGMENT, Math.max(0, expected))];
            this.prefix = new byte[PREFIX_BYTES];
            RANDOM.nextBytes(prefix);
            this.segment = prefix.clone();
            this.limit = segment.length;
        }

        @Override
        void next() throws IOException {
            if (segment.length != plain.length + TAG_BYTES) {
                segment = new byte[plain.length + TAG_BYTES];
            }
            Chunk chunk = fill(plain, plain.length);
            total += chunk.length();
            if (total > expected || (chunk.last() && total != expected)) {
                throw new IOException("the content is " + (total > expected ? "longer" : "shorter")
                        + " than the " + expected + " bytes announced");
            }
            try {
                init(Cipher.ENCRYPT_MODE, chunk.last());
                limit = cipher.doFinal(plain, 0, chunk.length(), segment, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
            position = 0;
            index++;
            finished = chunk.last();
        }
    }

    private static final class Opening extends SegmentStream {

        private final byte[] sealed = new byte[SEALED_SEGMENT];

        Opening(SecretKey key, byte[] associatedData, InputStream sealedStream) {
            super(key, associatedData, sealedStream);
        }

        @Override
        void next() throws IOException {
            if (prefix == null) {
                prefix = source.readNBytes(PREFIX_BYTES);
                if (prefix.length < PREFIX_BYTES) {
                    throw new CryptoException("sealed stream too short");
                }
                segment = new byte[SEGMENT];
            }
            Chunk chunk = fill(sealed, SEALED_SEGMENT);
            if (chunk.length() < TAG_BYTES) {
                throw new CryptoException("sealed stream cut short");
            }
            try {
                init(Cipher.DECRYPT_MODE, chunk.last());
                limit = cipher.doFinal(sealed, 0, chunk.length(), segment, 0);
            } catch (AEADBadTagException e) {
                throw new CryptoException("segment " + index + " does not authenticate");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed", e);
            }
            position = 0;
            index++;
            finished = chunk.last();
        }
    }
}
