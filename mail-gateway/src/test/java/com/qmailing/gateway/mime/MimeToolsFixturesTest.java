package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The MIME-tools torture messages: every one must parse, and every listed attachment must download as listed. */
class MimeToolsFixturesTest {

    private final MimeParser parser = new MimeParser();

    static List<Path> messages() {
        return SharedTestData.mimeToolsMessages();
    }

    @Test
    void allFortyEightMessagesAreThere() {
        assertThat(messages()).hasSize(48);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void everyMessageParsesAndEveryListedAttachmentDownloadsWithItsListedSize(Path file) throws Exception {
        byte[] raw = Files.readAllBytes(file);

        ParsedMessage message = parser.parse(raw);

        assertThat(message).isNotNull();
        for (AttachmentInfo listed : message.attachments()) {
            AttachmentContent content = parser.attachment(raw, listed.index()).orElseThrow();
            assertThat(content.info()).isEqualTo(listed);
            assertThat(content.bytes()).hasSize((int) listed.sizeBytes());
        }
        assertThat(parser.attachment(raw, message.attachments().size())).isEmpty();
    }

    @Test
    void koi8rAttachmentNameIsDecoded() {
        ParsedMessage message = parse("russian.msg");

        assertThat(message.subject()).isEqualTo("Greetings");
        assertThat(message.textBody()).isNull();
        assertThat(message.attachments()).extracting(AttachmentInfo::filename, AttachmentInfo::contentType)
                .containsExactly(tuple("\u0421\u043F\u0438\u0441\u043E\u043A.doc", "text/plain"));
    }

    @Test
    void latin1AndUtf8Rfc2231FileNamesGiveTheSameName() {
        for (String name : List.of("attachment-filename-encoding-Latin1.msg", "attachment-filename-encoding-UTF8.msg")) {
            ParsedMessage message = parse(name);

            assertThat(message.textBody()).isEqualTo("Attachment Test\n");
            assertThat(message.attachments()).containsExactly(
                    new AttachmentInfo(0, "attachment.\u00E4\u00F6\u00FC", "text/plain", 5));
        }
    }

    @Test
    void germanQuotedPrintableBodyAndSenderNameAreDecodedFromIso885915() {
        ParsedMessage message = parse("german-qp.msg");

        assertThat(message.subject()).isEqualTo("Testnachricht");
        assertThat(message.from()).isEqualTo(new MessageAddress("joern@zyn.de", "J\u00F6rn Reder"));
        assertThat(message.textBody()).contains("8 Bit S\u00F6nderz\u00E4ichen", "Gr\u00FC\u00DFe,");
    }

    @Test
    void germanLatin1QuotedPrintableBodyIsDecoded() {
        ParsedMessage message = parse("german.msg");

        assertThat(message.subject()).isEqualTo("Re: 34Mbit/s Netz");
        assertThat(message.from()).isEqualTo(new MessageAddress("deuschle@mnh.telekom.de", "Guenter Deuschle"));
        assertThat(message.textBody()).contains("zur Verf\u00FCgung!");
    }

    @Test
    void subjectAndNamesInSeveralCharsetsAreDecoded() {
        ParsedMessage message = parse("intl.msg");

        assertThat(message.subject()).isEqualTo("If you can read this you understand the example... so, cool!");
        assertThat(message.from()).isEqualTo(new MessageAddress("moore@cs.utk.edu", "Keith Moore"));
        assertThat(message.to()).containsExactly(new MessageAddress("keld@dkuug.dk", "Keld J\u00F8rn Simonsen"));
        assertThat(message.cc()).containsExactly(new MessageAddress("PIRARD@vm1.ulg.ac.be", "Andr\u00E9 Pirard"));
    }

    @Test
    void nestedMultipartsGiveTheFirstPartAsBodyAndEveryOtherLeafAsAttachment() {
        ParsedMessage message = parse("multi-nested.msg");

        assertThat(message.textBody()).startsWith("Part 1 of the outer message.");
        assertThat(message.attachments()).extracting(AttachmentInfo::filename, AttachmentInfo::contentType)
                .containsExactly(
                        tuple(null, "text/plain"),
                        tuple("3d-vise.gif", "image/gif"),
                        tuple("3d-eye.gif", "image/gif"),
                        tuple(null, "text/richtext"),
                        tuple("filename", "message/rfc822"));
    }

    @Test
    void aMessageWithoutMimeHeadersIsAllText() {
        ParsedMessage message = parse("not-mime.msg");

        assertThat(message.from()).isEqualTo(new MessageAddress("s.rahtz@elsevier.co.uk", "Sebastian Rahtz"));
        assertThat(message.textBody()).startsWith("try reading the LaTeX Companion").contains("Kidlington");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void digestPartsAreAttachedMessagesNamedAfterTheirSubjects() {
        ParsedMessage message = parse("multi-digest.msg");

        assertThat(message.textBody()).isNull();
        assertThat(message.attachments()).extracting(AttachmentInfo::filename, AttachmentInfo::contentType)
                .containsExactly(tuple("embedded message 1.eml", "message/rfc822"),
                        tuple("embedded message 2.eml", "message/rfc822"));
    }

    @Test
    void aBase64EncodedAttachedMessageIsNamedFromItsDecodedSubject() {
        ParsedMessage message = parse("multi-2gifs-base64.msg");

        assertThat(message.attachments()).extracting(AttachmentInfo::filename)
                .containsExactly("Two images for you....eml");
    }

    @Test
    void aHeaderSectionEndingWithoutABlankLineStillGivesTheBody() {
        ParsedMessage message = parse("hdr-fakeout.msg");

        assertThat(message.subject()).isEqualTo("test message 1");
        assertThat(message.textBody()).startsWith("The header is not properly terminated");
    }

    @Test
    void aBoundaryThatNeverMatchesLeavesTheContentReadableAsText() {
        ParsedMessage message = parse("badbound.msg");

        assertThat(message.subject()).isEqualTo("Mail System Error - Returned Mail");
        assertThat(message.textBody()).contains("This Message was undeliverable due to the following reason");
    }

    @Test
    void directoriesInFileNamesAreDropped() {
        assertThat(parse("multi-badnames.msg").attachments()).extracting(AttachmentInfo::filename)
                .containsExactly("bar", "foo bar", "foobar");
    }

    @Test
    void aSinglePartMessageWithANameIsStillReadAsItsBody() {
        ParsedMessage message = parse("badfile.msg");

        assertThat(message.textBody()).contains("This had better not end up in /tmp!");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void alternativeTextAndHtmlAreBothBodies() {
        ParsedMessage message = parse("ticket-60931.msg");

        assertThat(message.textBody()).isEqualTo("HELLO\n");
        assertThat(message.htmlBody()).isEqualTo("HELLO<br>\n");
        assertThat(message.attachments()).isEmpty();
    }

    @Test
    void theInfiniteLoopMessageOfMimeToolsParses() {
        ParsedMessage message = parse("infinite.msg");

        assertThat(message.textBody()).startsWith("Return-Path: <owner-cacomp-l@linf.unb.br>");
    }

    private ParsedMessage parse(String name) {
        return parser.parse(SharedTestData.mimeTools(name));
    }
}
