package org.simexplorer.formats;

import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.InvalidInputException;

/**
 * Text that every supported database can store. PostgreSQL refuses U+0000 (NUL) in a text column and H2 keeps
 * it, so it is refused on the way in, on either database, before anything is saved.
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean storable(String text) {
        return text == null || text.indexOf('\0') < 0;
    }

    /** A 400 naming where the text came from ("sentences[3]", "'name'"), with the given property set. */
    public static DomainException refused(String where, String property, Object value) {
        return new InvalidInputException(where + " contains the character U+0000 (NUL), which cannot be stored;"
                + " remove it.").with(property, value);
    }

    /** The same 400 for a file line, with the {@code line} property. */
    static DomainException refusedAtLine(int line) {
        return UploadParser.atLine(line, " contains the character U+0000 (NUL), which cannot be stored; remove it.");
    }
}
