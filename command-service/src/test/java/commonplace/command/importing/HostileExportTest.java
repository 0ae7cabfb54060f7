package commonplace.command.importing;

import commonplace.command.importing.ImportFormatException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exports from anyone: each hostile or broken file ends in a specific {@link ImportFormatException} (never an
 * OutOfMemoryError, a stack overflow, a hang or a fetch), and what was read before a late failure stays valid.
 */
@Timeout(30)
class HostileExportTest {

    private static final String DISQUS_OPEN =
            "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">";
    private static final String WXR_OPEN = "<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>";

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void anExternalEntityNamingALocalFileIsRefusedWithItsDtd(SourceFormat format) {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + open(format) + message(format, "&xxe;") + close(format);

        assertThatThrownBy(() -> read(format, xml)).isInstanceOfSatisfying(ImportFormatException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.DTD_REFUSED);
            assertThat(e.getMessage()).doesNotContain("root:");
        });
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void anExternalDtdIsNeverFetched(SourceFormat format) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.configureBlocking(false);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:" + port + "/evil.dtd\">"
                    + open(format) + close(format);

            assertThatThrownBy(() -> read(format, xml)).isInstanceOfSatisfying(ImportFormatException.class,
                    e -> assertThat(e.problem()).isEqualTo(Problem.DTD_REFUSED));
            assertThat(server.accept()).as("a connection to the DTD's address").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void aBillionLaughsIsRefusedBeforeAnyEntityExpands(SourceFormat format) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]>" + open(format) + message(format, "&l12;") + close(format);

        assertThatThrownBy(() -> read(format, xml)).isInstanceOfSatisfying(ImportFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.DTD_REFUSED));
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void malformedXmlSaysWhere(SourceFormat format) {
        String xml = open(format) + "\n" + message(format, "ok") + "<a></b>" + close(format);

        assertThatThrownBy(() -> read(format, xml)).isInstanceOfSatisfying(ImportFormatException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.MALFORMED);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("line 2");
        });
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void aFileCutOffInTheMiddleIsTruncatedAndWhatCameBeforeStays(SourceFormat format) {
        String whole = open(format) + message(format, "første") + message(format, "andre") + close(format);
        String cut = whole.substring(0, whole.lastIndexOf("andre") + 2);
        CollectingHandler handler = new CollectingHandler();

        assertThatThrownBy(() -> format.reader().read(utf8(cut), handler))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED));
        assertThat(handler.comments).extracting(SourceComment::html).containsExactly("første");
    }

    @Test
    void anEmptyFileIsTruncatedToo() {
        assertThatThrownBy(() -> read(SourceFormat.DISQUS, "")).isInstanceOfSatisfying(ImportFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.TRUNCATED));
    }

    @Test
    void aWordPressExportGivenAsDisqusIsTheWrongFormatWithAHint() {
        assertThatThrownBy(() -> read(SourceFormat.DISQUS, WXR_OPEN + "</channel></rss>"))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT);
                    assertThat(e.getMessage()).contains("use format=wordpress");
                });
    }

    @Test
    void aDisqusExportGivenAsWordPressIsTheWrongFormatWithAHint() {
        assertThatThrownBy(() -> read(SourceFormat.WORDPRESS, DISQUS_OPEN + "</disqus>"))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT);
                    assertThat(e.getMessage()).contains("use format=disqus");
                });
    }

    @Test
    void aPlainRssFeedIsNotAWordPressExport() {
        assertThatThrownBy(() -> read(SourceFormat.WORDPRESS, "<rss version=\"2.0\"><channel/></rss>"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT));
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void anotherDocumentOrNoXmlAtAllIsRefused(SourceFormat format) {
        assertThatThrownBy(() -> read(format, "<html><body>hei</body></html>"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT));
        assertThatThrownBy(() -> read(format, "{\"threads\": []}"))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void aHundredThousandLevelsOfNestingAreRefusedAtTheLimit(SourceFormat format) {
        String deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
        String xml = open(format) + message(format, "ok").replace("ok", deep) + close(format);

        assertThatThrownBy(() -> read(format, xml)).isInstanceOfSatisfying(ImportFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.TOO_DEEP));
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void invalidUtf8IsAnEncodingError(SourceFormat format) {
        byte[] before = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + open(format) + message(format, "caf"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "é fin".getBytes(StandardCharsets.ISO_8859_1);
        byte[] after = close(format).getBytes(StandardCharsets.UTF_8);
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(before),
                new SequenceInputStream(new ByteArrayInputStream(latin1), new ByteArrayInputStream(after)));

        assertThatThrownBy(() -> format.reader().read(in, new CollectingHandler()))
                .isInstanceOfSatisfying(ImportFormatException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.ENCODING));
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void aUtf16FileWithAByteOrderMarkReadsLikeItsUtf8Original(SourceFormat format) {
        String resource = format == SourceFormat.DISQUS ? "/importing/disqus-export.xml" : "/importing/wordpress-export.xml";
        String original = resource(resource);
        String utf16 = original.replaceFirst("encoding=\"(?i)utf-8\"", "encoding=\"UTF-16\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        bytes.writeBytes(utf16.getBytes(StandardCharsets.UTF_16BE));

        CollectingHandler fromUtf8 = new CollectingHandler();
        format.reader().read(utf8(original), fromUtf8);
        CollectingHandler fromUtf16 = new CollectingHandler();
        format.reader().read(new ByteArrayInputStream(bytes.toByteArray()), fromUtf16);

        assertThat(fromUtf16.comments).extracting(SourceComment::html)
                .containsExactlyElementsOf(fromUtf8.comments.stream().map(SourceComment::html).toList())
                .anySatisfy(html -> assertThat(html).contains("på"));
        assertThat(fromUtf16.topics).extracting(SourceTopic::title)
                .containsExactlyElementsOf(fromUtf8.topics.stream().map(SourceTopic::title).toList());
    }

    @Test
    void aUtf16ByteOrderMarkThatContradictsTheDeclarationIsRefused() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + DISQUS_OPEN + "</disqus>")
                .getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> SourceFormat.DISQUS.reader().read(new ByteArrayInputStream(bytes.toByteArray()),
                new CollectingHandler())).isInstanceOf(ImportFormatException.class);
    }

    @Test
    void aTenMegabyteWordPressCommentIsCutNotLoaded() {
        char[] body = new char[10 * 1024 * 1024];
        Arrays.fill(body, 'ø');
        String xml = WXR_OPEN + "<item><wp:post_id>1</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id>"
                + "<wp:comment_content><![CDATA[" + new String(body) + "]]></wp:comment_content></wp:comment>"
                + "</item></channel></rss>";
        CollectingHandler handler = new CollectingHandler();

        SourceFormat.WORDPRESS.reader().read(utf8(xml), handler);

        assertThat(handler.comments.get(0).htmlCut()).isTrue();
        assertThat(handler.comments.get(0).html()).hasSize(SourceComment.HTML_MAX);
    }

    @Test
    void anAttributeOverTheLimitIsRefused() {
        String xml = DISQUS_OPEN + "<post dsq:id=\"" + "9".repeat(100_000) + "\"/></disqus>";

        assertThatThrownBy(() -> read(SourceFormat.DISQUS, xml)).isInstanceOfSatisfying(ImportFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.LIMIT_EXCEEDED));
    }

    @Test
    void anUndeclaredHtmlEntityOutsideCdataIsMalformedXml() {
        String xml = DISQUS_OPEN + "<post dsq:id=\"1\"><message>a&nbsp;b</message><thread dsq:id=\"2\"/></post></disqus>";

        assertThatThrownBy(() -> read(SourceFormat.DISQUS, xml)).isInstanceOfSatisfying(ImportFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.MALFORMED));
    }

    private static String open(SourceFormat format) {
        return format == SourceFormat.DISQUS ? DISQUS_OPEN : WXR_OPEN + "<item><wp:post_id>1</wp:post_id>";
    }

    private static String close(SourceFormat format) {
        return format == SourceFormat.DISQUS ? "</disqus>" : "</item></channel></rss>";
    }

    /** One comment whose message is {@code content} (as written, unescaped). */
    private static String message(SourceFormat format, String content) {
        return format == SourceFormat.DISQUS
                ? "<post dsq:id=\"" + content.hashCode() + "\"><message>" + content + "</message><thread dsq:id=\"1\"/></post>"
                : "<wp:comment><wp:comment_id>" + content.hashCode() + "</wp:comment_id><wp:comment_content>"
                  + content + "</wp:comment_content></wp:comment>";
    }

    private static void read(SourceFormat format, String xml) {
        format.reader().read(utf8(xml), new CollectingHandler());
    }

    private static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = HostileExportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
