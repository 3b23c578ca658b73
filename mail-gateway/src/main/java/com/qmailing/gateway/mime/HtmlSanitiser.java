package com.qmailing.gateway.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes an HTML body safe to display: an allow-list (jsoup's {@code relaxed} plus the
 * presentational tags and attributes mail relies on) rather than a block-list, so that whatever
 * new way of running script appears is dropped by default. Gone: scripts, event handlers,
 * frames, objects, embeds, forms, {@code <base>}, {@code <meta>}, SVG, comments, and every URL
 * that is not http(s), mailto, tel, an in-page anchor, or for images {@code cid:} and
 * {@code data:image/}. Kept as sent: formatting, tables, links, remote images — the UI decides
 * whether to load those — and CSS, in {@code style} attributes and {@code <style>} blocks, unless
 * it names one of the old ways CSS could run code.
 */
final class HtmlSanitiser {

    private static final Safelist DISPLAY = new DisplaySafelist();

    /**
     * jsoup's cleaner costs time in proportion to depth for every element, so thousands of
     * unclosed tags make it quadratic; below this depth, markup is reduced to its text.
     */
    static final int MAX_ELEMENT_DEPTH = 256;

    /**
     * Parsing costs a few microseconds per tag, more when they nest: a body made of millions of
     * tags would hold a thread for a minute. Real mail, long reports included, stays far below;
     * past this many tags the HTML is cut for display (the raw message keeps all of it).
     */
    static final int MAX_TAGS = 250_000;

    private HtmlSanitiser() {
    }

    static String sanitise(String html) {
        if (html == null) {
            return null;
        }
        Document dirty = Jsoup.parse(withAtMostMaxTags(html));
        flattenBelowMaxDepth(dirty.body());
        dirty.outputSettings().prettyPrint(false);
        // The cleaner only copies the body; newsletters keep their CSS in the head.
        dirty.body().insertChildren(0, dirty.head().select("style"));
        Document clean = new Cleaner(DISPLAY).clean(dirty);
        for (Element style : clean.body().select("style")) {
            if (!Css.isHarmless(style.data())) {
                style.remove();
            }
        }
        return clean.body().html();
    }

    private static String withAtMostMaxTags(String html) {
        int tags = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (++tags > MAX_TAGS) {
                return html.substring(0, i);
            }
        }
        return html;
    }

    private static void flattenBelowMaxDepth(Element body) {
        List<Element> tooDeep = new ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (depth >= MAX_ELEMENT_DEPTH && node instanceof Element element) {
                tooDeep.add(element);
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, body);
        // Text only: script and style content is data, not text, so none of it surfaces here.
        tooDeep.forEach(element -> element.replaceWith(new TextNode(element.wholeText())));
    }

    /** The text a reader would see, for the preview of HTML-only mail. */
    static String visibleText(String html) {
        return html == null ? null : Jsoup.parse(html).body().text();
    }

    private static final class DisplaySafelist extends Safelist {

        private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "background", "cite");

        DisplaySafelist() {
            super(Safelist.relaxed());
            addTags("abbr", "address", "article", "aside", "big", "center", "del", "figcaption", "figure",
                    "font", "footer", "header", "hr", "ins", "kbd", "main", "mark", "nav", "s", "samp",
                    "section", "style", "time", "tt", "var", "wbr");
            addAttributes(":all", "align", "bgcolor", "border", "cellpadding", "cellspacing", "class", "dir",
                    "height", "lang", "nowrap", "style", "title", "valign", "width");
            addAttributes("font", "color", "face", "size");
            addAttributes("hr", "color", "noshade", "size");
            addAttributes("table", "background");
            addAttributes("td", "background");
            addAttributes("th", "background");
            addProtocols("a", "href", "#", "tel");
            addProtocols("img", "src", "cid", "data");
            for (String cell : new String[] {"table", "td", "th"}) {
                addProtocols(cell, "background", "http", "https", "cid", "data");
            }
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            if (!super.isSafeAttribute(tagName, element, attribute)) {
                return false;
            }
            String key = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue().trim().toLowerCase(Locale.ROOT);
            if (key.equals("style")) {
                return Css.isHarmless(value);
            }
            // data: is allowed for pictures only; data:text/html would be a page of its own.
            return !URL_ATTRIBUTES.contains(key) || !value.startsWith("data:") || value.startsWith("data:image/");
        }
    }

    /**
     * No current browser runs code from CSS; these are the constructs older ones did, looked for
     * after comments and escapes are undone so that {@code expr\65 ssion} does not slip through.
     */
    static final class Css {

        private static final String[] CODE_CONSTRUCTS =
                {"expression(", "javascript:", "vbscript:", "behavior:", "-moz-binding", "@import"};

        private Css() {
        }

        static boolean isHarmless(String css) {
            String normalised = normalise(css);
            for (String construct : CODE_CONSTRUCTS) {
                if (normalised.contains(construct)) {
                    return false;
                }
            }
            return true;
        }

        /** Without comments, escapes or white space, lower case. */
        private static String normalise(String css) {
            StringBuilder out = new StringBuilder(css.length());
            int i = 0;
            while (i < css.length()) {
                char c = css.charAt(i);
                if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                    int end = css.indexOf("*/", i + 2);
                    i = end < 0 ? css.length() : end + 2;
                } else if (c == '\\') {
                    i = unescape(css, i + 1, out);
                } else {
                    if (!Character.isWhitespace(c)) {
                        out.append(Character.toLowerCase(c));
                    }
                    i++;
                }
            }
            return out.toString();
        }

        /** Appends the escaped character starting at {@code i}; returns the index after the escape. */
        private static int unescape(String css, int i, StringBuilder out) {
            int end = i;
            while (end < css.length() && end - i < 6 && Character.digit(css.charAt(end), 16) >= 0) {
                end++;
            }
            if (end == i) {
                if (i < css.length()) {
                    out.append(Character.toLowerCase(css.charAt(i)));
                }
                return i + 1;
            }
            int codePoint = Integer.parseInt(css.substring(i, end), 16);
            if (Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(Character.toLowerCase(codePoint));
            }
            return end < css.length() && Character.isWhitespace(css.charAt(end)) ? end + 1 : end;
        }
    }
}
