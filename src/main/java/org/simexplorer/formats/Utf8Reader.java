package org.simexplorer.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 from a stream, a buffer at a time, without a leading byte order mark. A malformed byte is a 400
 * naming its line and byte offset. The decoding is done here rather than by InputStreamReader because that one
 * drops the characters decoded just before a malformed byte, and with them the line count.
 */
final class Utf8Reader extends Reader {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private long bytesBefore;
    private int line = 1;
    private boolean eof;
    private boolean flushed;
    private boolean first = true;
    private RuntimeException pending;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) return 0;
        while (!chars.hasRemaining()) {
            if (pending != null) throw pending;
            if (flushed) return -1;
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && pending == null && !flushed) {
            if (!eof) readMore();
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                pending = malformed(line + newlines(chars, 0, chars.position()), bytesBefore + bytes.position());
            } else if (eof && result.isUnderflow()) {
                decoder.flush(chars);
                flushed = true;
            }
        }
        chars.flip();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(chars.position()) == '\uFEFF') chars.get();
        }
        line += newlines(chars, chars.position(), chars.limit());
    }

    private void readMore() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) eof = true;
        else bytes.position(bytes.position() + read);
        bytes.flip();
    }

    private static int newlines(CharBuffer buffer, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            if (buffer.get(k) == '\n') count++;
        }
        return count;
    }

    private static RuntimeException malformed(int line, long offset) {
        return UploadParser.atLine(line, " is not valid UTF-8 (byte offset " + offset + "). Save the file as UTF-8.");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
