package org.simexplorer.formats;

/** A sentence and the file line it came from (0 when it did not come from a file). */
public record TextLine(String text, int line) {
}
