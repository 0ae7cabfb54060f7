package commonplace.command.importing.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of docs/import.md, one per test, on messages shaped like those in real Disqus and WordPress exports. */
class HtmlToTextTest {

    private static final String PAGE = "https://blogg.example.no/2019/03/fjelltur/";

    private static String disqus(String html) {
        return HtmlToText.fromHtml(html, PAGE).text();
    }

    private static String wordpress(String content) {
        return HtmlToText.fromWordPress(content, PAGE).text();
    }

    @Test
    void paragraphsAreSeparatedByOneBlankLineAndBrIsALineBreak() {
        assertThat(disqus("<p>Første avsnitt.</p><p>Andre linje 1<br>linje 2</p>"))
                .isEqualTo("Første avsnitt.\n\nAndre linje 1\nlinje 2");
    }

    @Test
    void twoBrMakeABlankLineAndMoreMakeNoMore() {
        assertThat(disqus("a<br><br>b<br><br><br><br>c")).isEqualTo("a\n\nb\n\nc");
    }

    @Test
    void emptyParagraphsAndLeadingOrTrailingBreaksLeaveNothing() {
        assertThat(disqus("<br><p>&nbsp;</p><p></p><p>Hei</p><p>&nbsp;</p><br>")).isEqualTo("Hei");
    }

    @Test
    void entitiesAreDecodedAndANoBreakSpaceIsAPlainSpace() {
        assertThat(disqus("<p>Tom &amp; Jerry&#8217;s &laquo;fjell&raquo; &ndash; 10&nbsp;000&nbsp;m &lt;3</p>"))
                .isEqualTo("Tom & Jerry’s «fjell» – 10 000 m <3");
    }

    @Test
    void whiteSpaceCollapsesAsABrowserShowsItButNorwegianLettersAndEmojiStay() {
        assertThat(disqus("\n\t<p>  Blåbær,\n   tyttebær\tog   multer 🫐👨‍👩‍👧  </p>\n"))
                .isEqualTo("Blåbær, tyttebær og multer 🫐👨‍👩‍👧");
    }

    @Test
    void decomposedLettersAreComposed() {
        assertThat(disqus("<p>a\u030Ar\u00F8</p>")).isEqualTo("\u00E5r\u00F8");
    }

    @Test
    void aLinkWhoseTextIsItsAddressIsTheAddressAlone() {
        assertThat(disqus("<p>Se <a href=\"https://nrk.no/p3\" rel=\"nofollow noopener\">https://nrk.no/p3</a>.</p>"))
                .isEqualTo("Se https://nrk.no/p3.");
        assertThat(disqus("<a href=\"http://www.yr.no/\">yr.no</a>")).isEqualTo("http://www.yr.no/");
    }

    @Test
    void aLinkWithOtherTextKeepsTheTextAndTheAddressInParentheses() {
        assertThat(disqus("<p>Les <a href=\"https://example.org/rapport.pdf\">rapporten</a> først</p>"))
                .isEqualTo("Les rapporten (https://example.org/rapport.pdf) først");
    }

    @Test
    void aLinkShortenedWithAnEllipsisIsTheFullAddress() {
        String html = "<a href=\"http://blogs.msdn.com/b/b8/archive/2011/08/29/improvements-in-windows-explorer.aspx\""
                + " title=\"…\">http://blogs.msdn.com/b/b8/...</a>";

        assertThat(disqus(html))
                .isEqualTo("http://blogs.msdn.com/b/b8/archive/2011/08/29/improvements-in-windows-explorer.aspx");
    }

    @Test
    void disqusLinkTrackingRedirectsAreReplacedByTheirTarget() {
        String html = "<a href=\"https://disq.us/url?url=https%3A%2F%2Fwww.yr.no%2Fsted%2FNorge%3AaB3dE5gH7jK9mN1pQ3sT5vX7z"
                + "&amp;cuid=1234567\">https://www.yr.no/sted/Norge</a>";

        assertThat(disqus(html)).isEqualTo("https://www.yr.no/sted/Norge");
    }

    @Test
    void relativeLinksAreResolvedAgainstThePage() {
        assertThat(disqus("<a href=\"../../02/forrige/\">forrige tur</a>"))
                .isEqualTo("forrige tur (https://blogg.example.no/2019/02/forrige/)");
    }

    @Test
    void mailtoAndScriptLinksKeepOnlyTheirTextAndAreCounted() {
        PlainText text = HtmlToText.fromHtml("<a href=\"mailto:ola@example.no\">skriv til meg</a> og "
                + "<a href=\"javascript:alert(1)\">klikk</a>", PAGE);

        assertThat(text.text()).isEqualTo("skriv til meg og klikk");
        assertThat(text.droppedLinks()).isEqualTo(2);
    }

    @Test
    void anAddressWithSpacesIsEncodedSoThatItStaysOneLink() {
        assertThat(disqus("<a href=\"https://example.org/mitt bilde.jpg\">bildet</a>"))
                .isEqualTo("bildet (https://example.org/mitt%20bilde.jpg)");
    }

    @Test
    void listsAreOneItemPerLineAndNestedListsAreIndented() {
        String html = "<p>Pakkeliste:</p><ul><li>Sekk</li><li>Kart<ul><li>1:50 000</li><li>kompass</li></ul></li>"
                + "<li>Niste</li></ul><ol start=\"3\"><li>tredje</li><li>fjerde<br>med to linjer</li></ol>";

        assertThat(disqus(html)).isEqualTo("""
                Pakkeliste:

                - Sekk
                - Kart
                  - 1:50 000
                  - kompass
                - Niste

                3. tredje
                4. fjerde
                   med to linjer""");
    }

    @Test
    void quotesPrefixEveryLineAndNestedQuotesPrefixTwice() {
        String html = "<blockquote><p>Kari skrev:</p><blockquote>Det blir regn.</blockquote><p>Nei, sol!</p>"
                + "</blockquote><p>Vi får se.</p>";

        assertThat(disqus(html)).isEqualTo("""
                > Kari skrev:
                >
                > > Det blir regn.
                >
                > Nei, sol!

                Vi får se.""");
    }

    @Test
    void preformattedTextKeepsItsSpacesTabsAndLineBreaks() {
        assertThat(disqus("<p>Kode:</p><pre>if (x) {\n\treturn  1;\n}</pre>"))
                .isEqualTo("Kode:\n\nif (x) {\n\treturn  1;\n}");
    }

    @Test
    void imagesAreTheirAltTextOrTheirAddress() {
        assertThat(disqus("Ha det <img src=\"https://s.w.org/smilies/icon_smile.gif\" alt=\":)\" class=\"wp-smiley\">"))
                .isEqualTo("Ha det :)");
        assertThat(disqus("<p>Utsikten:</p><p><img src=\"https://uploads.disquscdn.com/images/topp.jpg\"></p>"))
                .isEqualTo("Utsikten:\n\nhttps://uploads.disquscdn.com/images/topp.jpg");
        assertThat(disqus("<a href=\"https://example.org/stor.jpg\"><img src=\"https://example.org/liten.jpg\"></a>"))
                .isEqualTo("https://example.org/stor.jpg");
    }

    @Test
    void scriptsStylesFramesAndFormsAreDroppedWithTheirContent() {
        String html = "<style>p{color:red}</style><p>Tekst<script>alert('x')</script></p>"
                + "<iframe src=\"https://evil.example\">ramme</iframe><form><input value=\"v\"><button>Send</button></form>";

        assertThat(disqus(html)).isEqualTo("Tekst");
    }

    @Test
    void otherElementsKeepTheirText() {
        assertThat(disqus("<p><b>Fet</b>, <i>kursiv</i>, <span class=\"spoiler\">hemmelig</span>, <code>x = 1</code></p>"))
                .isEqualTo("Fet, kursiv, hemmelig, x = 1");
    }

    @Test
    void controlCharactersAreDroppedAndCounted() {
        PlainText text = HtmlToText.fromHtml("<p>a\u0007b\u001Bc\u0085d</p>", PAGE);

        assertThat(text.text()).isEqualTo("abcd");
        assertThat(text.removedControls()).isEqualTo(3);
    }

    @Test
    void aMessageOfNothingButMarkupIsEmpty() {
        assertThat(disqus("<p><br></p><div>&nbsp; </div><img src=\"data:image/png;base64,AAAA\">")).isEmpty();
    }

    @Test
    void wordPressLineBreaksAreParagraphsAndLineBreaks() {
        assertThat(wordpress("Row1\nRow2\n\nRow4")).isEqualTo("Row1\nRow2\n\nRow4");
        assertThat(wordpress("Hei!\r\n\r\n\r\nDette er\r\nmin kommentar.")).isEqualTo("Hei!\n\nDette er\nmin kommentar.");
    }

    @Test
    void wordPressContentWithItsOwnParagraphsIsNotDoubled() {
        assertThat(wordpress("<p>Mekkatorque was over in that tent up to the right</p>\n"))
                .isEqualTo("Mekkatorque was over in that tent up to the right");
        assertThat(wordpress("<blockquote>Sitat\nmed linjeskift</blockquote>\n\nMitt svar"))
                .isEqualTo("> Sitat\n> med linjeskift\n\nMitt svar");
    }

    @Test
    void wordPressInlineMarkupAcrossLinesKeepsTheLineBreak() {
        assertThat(wordpress("<strong>Første</strong>\n<em>andre</em>")).isEqualTo("Første\nandre");
    }

    @Test
    void wordPressPreformattedBlocksKeepTheirBlankLines() {
        assertThat(wordpress("Se her:\n<pre>a\n\nb</pre>\nFerdig")).isEqualTo("Se her:\n\na\n\nb\n\nFerdig");
    }

    @Test
    void wordPressEntitiesAndCurlyQuotesAreDecoded() {
        assertThat(wordpress("[&#8230;] I know I&#8217;m a bit loony. [&#8230;]"))
                .isEqualTo("[…] I know I’m a bit loony. […]");
    }

    @Test
    void hostileNestingOfTenThousandElementsIsConvertedWithoutOverflow() {
        String html = "<blockquote>".repeat(10_000) + "dypt" + "</blockquote>".repeat(10_000);

        assertThat(disqus(html)).endsWith("dypt");
    }
}
