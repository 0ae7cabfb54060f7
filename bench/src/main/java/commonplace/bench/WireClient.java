package commonplace.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A wrk-style HTTP/1.1 client for one keep-alive connection, used by one load thread at a time: the request is
 * assembled into one reusable buffer and written with one call, the answer is read into another and parsed in place
 * (status, {@code Content-Length} or chunks, {@code Connection: close}). No per-request objects beyond the answer's
 * few fields, so the harness takes little of the CPU it measures (the JDK's HttpClient took about a third of a
 * millisecond per request).
 */
final class WireClient implements AutoCloseable {

    /** What the benchmark needs of an answer; the body stays in the client's buffer until the next request. */
    static final class Answer {
        int status;
        int headEnd;
        int bodyStart;
        int bodyLength;
        byte[] buffer;

        /** A header's value, or null (names in lower case). */
        String header(String lowerCaseName) {
            byte[] key = ("\r\n" + lowerCaseName + ":").getBytes(StandardCharsets.US_ASCII);
            int at = indexOfIgnoreCase(buffer, 0, headEnd, key);
            if (at < 0) {
                return null;
            }
            int end = indexOf(buffer, at + key.length, headEnd + 2, CRLF);
            return new String(buffer, at + key.length, end - at - key.length, StandardCharsets.US_ASCII).trim();
        }

        /** The string value of {@code "field":"..."} in a flat JSON body, or null (no escapes in the values read). */
        String field(String field) {
            byte[] key = ("\"" + field + "\":\"").getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(buffer, bodyStart, bodyStart + bodyLength, key);
            if (at < 0) {
                return null;
            }
            int from = at + key.length;
            int to = from;
            while (to < bodyStart + bodyLength && buffer[to] != '"') {
                to++;
            }
            return new String(buffer, from, to - from, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private byte[] request = new byte[16 * 1024];
    private byte[] response = new byte[64 * 1024];
    private final Answer answer = new Answer();
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    WireClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends one request with a JSON body and reads its whole answer. */
    Answer send(byte[] head, byte[] body) throws IOException {
        int length = head.length + body.length;
        if (request.length < length) {
            request = new byte[length * 2];
        }
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        try {
            return exchange(length);
        } catch (IOException e) {
            // a connection the server closed between two requests: one retry on a fresh one
            close();
            return exchange(length);
        }
    }

    /** The head of a request up to and including the blank line, with this body length. */
    static byte[] head(String method, String path, String token, int bodyLength) {
        return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + bodyLength
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private Answer exchange(int length) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }
        out.write(request, 0, length);
        out.flush();
        return readAnswer();
    }

    private Answer readAnswer() throws IOException {
        int filled = 0;
        int headEnd;
        while ((headEnd = indexOf(response, 0, filled, CRLFCRLF)) < 0) {
            filled = fill(filled);
        }
        int status = (response[9] - '0') * 100 + (response[10] - '0') * 10 + (response[11] - '0');
        int bodyStart = headEnd + 4;
        long contentLength = headerNumber(response, headEnd, CONTENT_LENGTH);
        boolean chunked = indexOfIgnoreCase(response, 0, headEnd, CHUNKED) >= 0;
        boolean closes = indexOfIgnoreCase(response, 0, headEnd, CONNECTION_CLOSE) >= 0;
        int bodyLength;
        if (chunked) {
            bodyLength = readChunks(bodyStart, filled);
        } else {
            bodyLength = (int) Math.max(0, contentLength);
            while (filled < bodyStart + bodyLength) {
                filled = fill(filled);
            }
        }
        if (closes) {
            close();
        }
        answer.status = status;
        answer.headEnd = headEnd;
        answer.bodyStart = bodyStart;
        answer.bodyLength = bodyLength;
        answer.buffer = response;
        return answer;
    }

    /** De-chunks in place from {@code bodyStart}; returns the body's length. */
    private int readChunks(int bodyStart, int filled) throws IOException {
        int read = bodyStart;
        int write = bodyStart;
        while (true) {
            int lineEnd;
            while ((lineEnd = indexOf(response, read, filled, CRLF)) < 0) {
                filled = fill(filled);
            }
            int size = Integer.parseInt(new String(response, read, lineEnd - read, StandardCharsets.US_ASCII)
                    .split(";")[0].trim(), 16);
            read = lineEnd + 2;
            while (filled < read + size + 2) {
                filled = fill(filled);
            }
            if (size == 0) {
                return write - bodyStart;
            }
            System.arraycopy(response, read, response, write, size);
            write += size;
            read += size + 2;
        }
    }

    private int fill(int filled) throws IOException {
        if (filled == response.length) {
            response = Arrays.copyOf(response, response.length * 2);
        }
        int n = in.read(response, filled, response.length - filled);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        return filled + n;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to keep of a connection being dropped
            }
            socket = null;
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "\r\nconnection: close".getBytes(StandardCharsets.US_ASCII);

    private static long headerNumber(byte[] bytes, int end, byte[] name) {
        int at = indexOfIgnoreCase(bytes, 0, end, name);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        for (int i = at + name.length; i < end; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                value = value * 10 + (b - '0');
            } else if (b != ' ') {
                break;
            }
        }
        return value;
    }

    static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** {@code needle} must be lower case. */
    static int indexOfIgnoreCase(byte[] bytes, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte b = bytes[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b += 32;
                }
                if (b != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
