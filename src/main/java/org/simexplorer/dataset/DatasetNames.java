package org.simexplorer.dataset;

import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.formats.StorableText;

/** The rule for a dataset's name, checked before anything is stored or a job is accepted. */
final class DatasetNames {

    private static final int MAX_NAME_LENGTH = 200;

    private DatasetNames() {
    }

    /** The name as stored (stripped), or a 400 naming the field. */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("'name' is missing: give the dataset a name.");
        }
        if (!StorableText.storable(name)) throw StorableText.refused("'name'", "field", "name");
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("'name' has " + stripped.length() + " characters; at most "
                    + MAX_NAME_LENGTH + " are allowed.");
        }
        return stripped;
    }
}
