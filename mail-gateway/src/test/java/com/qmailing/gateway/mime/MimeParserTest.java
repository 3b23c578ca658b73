package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class MimeParserTest {

    private final MimeParser parser = new MimeParser();

    @Test
    void aPlainMessageGivesItsHeadersBodyAndPreview() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                From: "Alice Example" <Alice@Example.com>
                To: bob@example.org, Carol <carol@example.net>
                Cc: dave@example.org
                Reply-To: replies@example.com
                Subject: =?utf-8?Q?Caf=C3=A9?= plans
                Message-ID:  <m1@example.com>
                In-Reply-To: <m0@example.com>
                References: <r1@example.com>
                 <m0@example.com>
                Date: Tue, 1 Jul 2025 10:15:00 +0200
                Content-Type: text/plain; charset=utf-8

                Shall we meet at the caf\u00E9?
                  Tomorrow, 10:00.
                """));

        assertThat(message.subject()).isEqualTo("Caf\u00E9 plans");
        assertThat(message.from()).isEqualTo(new MessageAddress("Alice@Example.com", "Alice Example"));
        assertThat(message.to()).containsExactly(new MessageAddress("bob@example.org", null),
                new MessageAddress("carol@example.net", "Carol"));
        assertThat(message.cc()).containsExactly(new MessageAddress("dave@example.org", null));
        assertThat(message.replyTo()).containsExactly(new MessageAddress("replies@example.com", null));
        assertThat(message.messageId()).isEqualTo("<m1@example.com>");
        assertThat(message.inReplyTo()).isEqualTo("<m0@example.com>");
        assertThat(message.references()).containsExactly("<r1@example.com>", "<m0@example.com>");
        assertThat(message.date()).isEqualTo(Instant.parse("2025-07-01T08:15:00Z"));
        assertThat(message.textBody()).isEqualTo("Shall we meet at the caf\u00E9?\n  Tomorrow, 10:00.\n");
        assertThat(message.htmlBody()).isNull();
        assertThat(message.previewText()).isEqualTo("Shall we meet at the caf\u00E9? Tomorrow, 10:00.");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void aSummaryKeepsTheListedFactsButNoHugeBody() {
        byte[] raw = Eml.concat(Eml.utf8("""
                From: alice@example.com
                Subject: Big
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                Start of a very long text.
                """), "x".repeat(3 * MimeParser.SUMMARY_BODY_LIMIT).getBytes(StandardCharsets.US_ASCII),
                Eml.utf8("""

                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="data.bin"

                AAAA
                --b--
                """));

        ParsedMessage full = parser.parse(raw);
        ParsedMessage summary = parser.summarise(raw);

        assertThat(full.textBody()).hasSizeGreaterThan(3 * MimeParser.SUMMARY_BODY_LIMIT);
        assertThat(summary.textBody()).isNull();
        assertThat(summary.htmlBody()).isNull();
        assertThat(summary.previewText()).isEqualTo(full.previewText()).startsWith("Start of a very long text.");
        assertThat(summary.subject()).isEqualTo("Big");
        assertThat(summary.attachments()).isEqualTo(full.attachments()).hasSize(1);
    }

    /**
     * The summary decodes only the start of a text body for its preview; these bodies put what
     * could make a prefix read differently from the whole just where the first prefix ends.
     */
    @Test
    void aSummaryShouldHaveTheSamePreviewAsTheWholeParse() {
        String filler = "word ".repeat(409);                  // 2,045 bytes: the 2,048-byte cut is 3 bytes on
        List<byte[]> bodies = List.of(
                plainBody("utf-8", (filler + "\u00E9\u00E9 caf\u00E9 ".repeat(60)).getBytes(StandardCharsets.UTF_8)),
                plainBody("utf-8", (" \n".repeat(1023) + "\r\nlate text " + "x ".repeat(300))
                        .getBytes(StandardCharsets.UTF_8)),
                plainBody("utf-8", ("\u200B".repeat(800) + "hidden first " + "y ".repeat(300))
                        .getBytes(StandardCharsets.UTF_8)),
                // Valid UTF-8 at the start, a stray Latin-1 byte late: the whole body is windows-1252.
                plainBody("utf-8", Eml.concat(("caf\u00E9 ".repeat(10) + "z".repeat(5000)).getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xE9, ' ', (byte) 0xE8, ' ', (byte) 0xE0, ' ', (byte) 0xFC})),
                plainBody(null, (filler + "\u0645\u200D\u0645 " + "emoji \uD83D\uDE00 ".repeat(100))
                        .getBytes(StandardCharsets.UTF_8)),
                plainBody("iso-8859-1", ("tr\u00E8s ".repeat(2000)).getBytes(StandardCharsets.ISO_8859_1)));
        for (byte[] raw : bodies) {
            ParsedMessage full = parser.parse(raw);
            assertThat(full.previewText()).isNotNull();
            assertThat(parser.summarise(raw).previewText()).isEqualTo(full.previewText());
        }
    }

    private static byte[] plainBody(String charset, byte[] body) {
        return Eml.concat(Eml.utf8("Subject: s\nContent-Type: text/plain" + (charset == null ? "" : "; charset=" + charset)
                + "\n\n"), body);
    }

    @Test
    void absentHeadersAreNullAndListsEmpty() {
        ParsedMessage message = parser.parse(Eml.utf8("X-Only: this\n\nbody\n"));

        assertThat(message.subject()).isNull();
        assertThat(message.from()).isNull();
        assertThat(message.to()).isEmpty();
        assertThat(message.messageId()).isNull();
        assertThat(message.references()).isEmpty();
        assertThat(message.date()).isNull();
        assertThat(message.textBody()).isEqualTo("body\n");
    }

    @Test
    void alternativeGivesTheTextAndTheSanitisedHtml() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: multipart/alternative; boundary=b1

                --b1
                Content-Type: text/plain; charset=us-ascii

                Hello in text
                --b1
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <p onclick=3D"steal()">Hello in <b>HTML</b></p><script>alert(1)</script>
                --b1--
                """));

        assertThat(message.textBody()).isEqualTo("Hello in text");
        assertThat(message.htmlBody()).isEqualTo("<p>Hello in <b>HTML</b></p>");
        assertThat(message.previewText()).isEqualTo("Hello in text");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void htmlOnlyMailTakesItsPreviewFromTheVisibleText() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><title>ignored</title></head>
                <body><p>Big   news</p><p>inside</p></body></html>
                """));

        assertThat(message.textBody()).isNull();
        assertThat(message.previewText()).isEqualTo("Big news inside");
    }

    @Test
    void previewIsCutAtTwoHundredCharacters() {
        ParsedMessage message = parser.parse(Eml.utf8("Subject: long\n\n" + "word ".repeat(100)));

        assertThat(message.previewText()).hasSize(PreviewText.LENGTH - 1).startsWith("word word");
    }

    @Test
    void attachmentsAreListedInDocumentOrderWithDecodedSizesAndFetchedByIndex() {
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
        byte[] raw = Eml.utf8("""
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/related; boundary="inner"

                --inner
                Content-Type: text/html; charset=utf-8

                <p>See <img src="cid:logo@x"></p>
                --inner
                Content-Type: image/png
                Content-ID: <logo@x>
                Content-Disposition: inline; filename="logo.png"
                Content-Transfer-Encoding: base64

                %s
                --inner--
                --outer
                Content-Type: Application/PDF; name="report.pdf"
                Content-Disposition: attachment
                Content-Transfer-Encoding: base64

                %s
                --outer
                Content-Type: text/csv; charset=utf-8
                Content-Disposition: attachment; filename=data.csv
                Content-Transfer-Encoding: quoted-printable

                a,b=0D=0A1,=
                2
                --outer--
                """.formatted(Eml.base64(png), Eml.base64(pdf)));

        ParsedMessage message = parser.parse(raw);

        assertThat(message.htmlBody()).isEqualTo("<p>See <img src=\"cid:logo@x\"></p>");
        assertThat(message.attachments()).containsExactly(
                new AttachmentInfo(0, "logo.png", "image/png", png.length),
                new AttachmentInfo(1, "report.pdf", "application/pdf", pdf.length),
                new AttachmentInfo(2, "data.csv", "text/csv", 8));
        assertThat(parser.attachment(raw, 0)).get().satisfies(content -> {
            assertThat(content.info()).isEqualTo(message.attachments().get(0));
            assertThat(content.bytes()).isEqualTo(png);
        });
        assertThat(parser.attachment(raw, 1).orElseThrow().bytes()).isEqualTo(pdf);
        assertThat(parser.attachment(raw, 2).orElseThrow().bytes()).isEqualTo("a,b\r\n1,2".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anIndexOutOfRangeOrNoMessageFetchesNothing() {
        byte[] raw = Eml.utf8("Subject: x\n\nno attachments\n");

        assertThat(parser.attachment(raw, 0)).isEmpty();
        assertThat(parser.attachment(raw, -1)).isEmpty();
        assertThat(parser.attachment(null, 0)).isEmpty();
    }

    @Test
    void anAttachedMessageIsOneAttachmentNamedAfterItsSubject() {
        byte[] raw = Eml.utf8("""
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                FYI
                --m
                Content-Type: message/rfc822

                Subject: =?utf-8?Q?Q3_figures_/_draft?=
                Content-Type: multipart/mixed; boundary=n

                --n
                Content-Type: image/gif

                GIF89a
                --n--
                --m
                Content-Type: message/rfc822

                From: nobody@example.com

                no subject here
                --m--
                """);

        ParsedMessage message = parser.parse(raw);

        assertThat(message.textBody()).isEqualTo("FYI");
        assertThat(message.attachments()).extracting(AttachmentInfo::filename, AttachmentInfo::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q3 figures _ draft.eml", "message/rfc822"),
                        org.assertj.core.groups.Tuple.tuple("message.eml", "message/rfc822"));
        assertThat(new String(parser.attachment(raw, 0).orElseThrow().bytes(), StandardCharsets.US_ASCII))
                .startsWith("Subject: =?utf-8?Q?Q3_figures").contains("GIF89a");
    }

    @Test
    void aSecondInlineTextPartIsListedRatherThanLost() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: multipart/mixed; boundary=s

                --s
                Content-Type: text/plain

                first
                --s
                Content-Type: image/jpeg

                JFIF
                --s
                Content-Type: text/plain

                second
                --s--
                """));

        assertThat(message.textBody()).isEqualTo("first");
        assertThat(message.attachments()).extracting(AttachmentInfo::contentType)
                .containsExactly("image/jpeg", "text/plain");
    }

    @Test
    void textWithAttachmentDispositionOrAFileNameIsNotTheBody() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: multipart/mixed; boundary=s

                --s
                Content-Type: text/plain
                Content-Disposition: attachment

                attached
                --s
                Content-Type: text/plain; name="notes.txt"
                Content-Disposition: inline

                named
                --s
                Content-Type: text/plain

                the body
                --s--
                """));

        assertThat(message.textBody()).isEqualTo("the body");
        assertThat(message.attachments()).extracting(AttachmentInfo::filename).containsExactly(null, "notes.txt");
    }

    @Test
    void attachmentsWithoutADeclaredTypeAreListedAsOctetStream() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: multipart/mixed; boundary=s

                --s

                body without headers is text/plain
                --s
                Content-Disposition: attachment; filename="unlabelled.bin"

                bytes
                --s
                Content-Type: not a type
                Content-Disposition: attachment; filename="garbage-type.bin"

                bytes
                --s--
                """));

        assertThat(message.textBody()).isEqualTo("body without headers is text/plain");
        assertThat(message.attachments()).extracting(AttachmentInfo::contentType)
                .containsExactly("application/octet-stream", "application/octet-stream");
    }

    @Test
    void fileNamesComeFromRfc2231ContinuationsAndLoseTheirDirectories() {
        ParsedMessage message = parser.parse(Eml.utf8("""
                Content-Type: multipart/mixed; boundary=s

                --s
                Content-Type: application/octet-stream
                Content-Disposition: attachment;
                 filename*0*=UTF-8''%E2%82%AC%20invoice%20;
                 filename*1="2025.pdf"

                x
                --s
                Content-Type: application/octet-stream; name="..\\\\..\\\\windows\\\\evil.dll"

                x
                --s
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="../../.."

                x
                --s--
                """));

        assertThat(message.attachments()).extracting(AttachmentInfo::filename)
                .containsExactly("\u20AC invoice 2025.pdf", "evil.dll", null);
    }

    @Test
    void parsingNullGivesAnEmptyMessage() {
        ParsedMessage message = parser.parse(null);

        assertThat(message).isEqualTo(ParsedMessage.empty(null));
    }

    @Test
    void oneParserServesManyThreadsWithTheSameResultsAsOne() throws Exception {
        List<byte[]> messages = SharedTestData.mimeToolsMessages().stream().map(MimeParserTest::read).toList();
        List<ParsedMessage> alone = messages.stream().map(parser::parse).toList();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ParsedMessage>>> runs = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                runs.add(threads.submit(() -> messages.stream().map(parser::parse).toList()));
            }
            for (Future<List<ParsedMessage>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theListsOfAParsedMessageCannotBeChanged() {
        ParsedMessage message = parser.parse(Eml.utf8("To: a@example.com\n\nx"));

        assertThat(message.to()).isUnmodifiable();
        assertThat(message.attachments()).isUnmodifiable();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
