package org.simexplorer.formats;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * The lines of a text read a buffer at a time, so that a large file is never held whole. {@code anyBreak}
 * splits where the regular expression {@code \R} would (CR LF, or any one of LF, VT, FF, CR, NEL, LS, PS);
 * otherwise only LF splits (JSON Lines).
 */
final class LineSource {

    private final Reader reader;
    private final boolean anyBreak;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean ended;
    private int number;
    private int lineEnds;

    LineSource(Reader reader, boolean anyBreak) {
        this.reader = reader;
        this.anyBreak = anyBreak;
    }

    /** The next line without its break, or null after the last one (a text ending in a break has an empty last line). */
    String next() {
        if (ended) return null;
        number = lineEnds + 1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                ended = true;
                return line.toString();
            }
            if (c == '\n' || anyBreak && isBreak((char) c)) {
                if (c == '\r' && peek() == '\n') read();
                if (c == '\n' || c == '\r') lineEnds++;
                return line.toString();
            }
            line.append((char) c);
        }
    }

    /**
     * The 1-based line, as an editor counts lines (LF, CR LF or CR end one), on which the text that
     * {@link #next()} returned last starts.
     */
    int number() {
        return number;
    }

    private static boolean isBreak(char c) {
        return c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private int read() {
        if (position == limit && !refill()) return -1;
        return buffer[position++];
    }

    private int peek() {
        if (position == limit && !refill()) return -1;
        return buffer[position];
    }

    private boolean refill() {
        try {
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) return false;
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
