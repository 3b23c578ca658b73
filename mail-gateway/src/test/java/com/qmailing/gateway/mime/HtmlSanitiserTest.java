package com.qmailing.gateway.mime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitiserTest {

    @Test
    void scriptsAndTheirContentAreRemoved() {
        String clean = HtmlSanitiser.sanitise("<p>Hi</p><script>alert(document.cookie)</script><SCRIPT src=x.js></SCRIPT>");

        assertThat(clean).isEqualTo("<p>Hi</p>");
    }

    @Test
    void eventHandlersAreRemovedAndTheirElementsKept() {
        String clean = HtmlSanitiser.sanitise("<img src=\"https://cdn.example/a.png\" onerror=\"alert(1)\">"
                + "<p onclick=\"x()\" ONMOUSEOVER=\"y()\">text</p>");

        assertThat(clean).isEqualTo("<img src=\"https://cdn.example/a.png\"><p>text</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>x</script>",
            "relative/path.html"})
    void linksOtherThanWebMailTelAndAnchorsLoseTheirTarget(String href) {
        String clean = HtmlSanitiser.sanitise("<a href=\"" + href + "\">click</a>");

        assertThat(clean).isEqualTo("<a>click</a>");
    }

    @Test
    void webMailTelAndAnchorLinksAreKeptAsSent() {
        String html = "<a href=\"https://example.com/x?a=1&amp;b=2\">a</a><a href=\"http://example.org\">b</a>"
                + "<a href=\"mailto:x@example.com\">c</a><a href=\"tel:+441234\">d</a><a href=\"#top\">e</a>";

        assertThat(HtmlSanitiser.sanitise(html)).isEqualTo(html);
    }

    @Test
    void remoteCidAndDataImagesAreKeptAsSent() {
        String html = "<img src=\"http://tracker.example/pixel.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"https://cdn.example/logo.png\" alt=\"Logo\">"
                + "<img src=\"cid:part1.abc@example.com\">"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\">";

        assertThat(HtmlSanitiser.sanitise(html)).isEqualTo(html);
    }

    @Test
    void dataUrlsThatAreNotImagesAreRemovedFromImages() {
        assertThat(HtmlSanitiser.sanitise("<img src=\"data:text/html;base64,PHNjcmlwdD4=\">")).isEqualTo("<img>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<iframe src=\"https://evil.example\"></iframe>", "<object data=\"x.swf\"></object>",
            "<embed src=\"x.swf\">", "<form action=\"https://evil.example\"><input name=\"pw\"><button>Go</button></form>",
            "<base href=\"https://evil.example/\">", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">", "<svg onload=\"alert(1)\"><script>x</script></svg>",
            "<!-- <script>alert(1)</script> -->"})
    void activeAndEmbeddingElementsAreRemoved(String html) {
        assertThat(HtmlSanitiser.sanitise(html)).doesNotContain("<iframe", "<object", "<embed", "<form", "<input",
                "<base", "<meta", "<link", "<svg", "<script", "evil.example", "onload", "<!--");
    }

    @Test
    void ordinaryMailFormattingAndTablesAreKept() {
        String html = "<table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\">"
                + "<tbody><tr><td align=\"center\" valign=\"top\" style=\"padding: 8px; color: #333\">"
                + "<font face=\"Arial\" size=\"2\" color=\"red\"><b>Bold</b> <i>it</i> <u>u</u></font>"
                + "<h1 class=\"title\">T</h1><ul><li>one</li></ul><hr><center>c</center></td></tr></tbody></table>";

        assertThat(HtmlSanitiser.sanitise(html)).isEqualTo(html);
    }

    @Test
    void styleBlocksFromTheHeadAreKept() {
        String clean = HtmlSanitiser.sanitise("<html><head><style>.title { color: red; }</style></head>"
                + "<body><p class=\"title\">x</p></body></html>");

        assertThat(clean).isEqualTo("<style>.title { color: red; }</style><p class=\"title\">x</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"width: expression(alert(1))", "background: url(javascript:alert(1))",
            "behavior: url(x.htc)", "-moz-binding: url(x.xml#xss)", "width: expr/**/ession(alert(1))",
            "width: expr\\65 ssion(alert(1))"})
    void cssThatOlderBrowsersCouldRunIsDropped(String css) {
        assertThat(HtmlSanitiser.sanitise("<p style=\"" + css + "\">x</p>")).isEqualTo("<p>x</p>");
        assertThat(HtmlSanitiser.sanitise("<style>p { " + css + " }</style><p>x</p>")).isEqualTo("<p>x</p>");
    }

    @Test
    void remoteBackgroundImagesInCssAreKept() {
        String html = "<div style=\"background: url(https://cdn.example/bg.png)\">x</div>";

        assertThat(HtmlSanitiser.sanitise(html)).isEqualTo(html);
    }

    @Test
    void textIsEscapedSoItCannotBecomeMarkup() {
        assertThat(HtmlSanitiser.sanitise("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void markupNestedBelowTheMaximumDepthIsReducedToItsText() {
        String clean = HtmlSanitiser.sanitise("<div>".repeat(1000) + "<b>deep</b> text<script>alert(1)</script>");

        assertThat(clean.split("<div>", -1)).hasSize(HtmlSanitiser.MAX_ELEMENT_DEPTH);
        assertThat(clean).contains("deep text").doesNotContain("<b>", "alert");
    }

    @Test
    void markupBeyondTheMaximumNumberOfTagsIsCut() {
        String clean = HtmlSanitiser.sanitise("<p>x</p>".repeat(HtmlSanitiser.MAX_TAGS));

        assertThat(clean.split("<p>", -1)).hasSize(HtmlSanitiser.MAX_TAGS / 2 + 1);
    }

    @Test
    void visibleTextLeavesOutMarkupAndCss() {
        assertThat(HtmlSanitiser.visibleText("<style>p { color: red }</style><p>Hello</p><p>world</p>"))
                .isEqualTo("Hello world");
        assertThat(HtmlSanitiser.visibleText(null)).isNull();
    }
}
