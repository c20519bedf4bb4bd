package io.tideline.events;

import java.util.List;

/**
 * The required-field check every event record's compact constructor uses, so a missing field fails the same way
 * everywhere (and a decoder can name it).
 */
public final class RequiredFields {

    private RequiredFields() {
    }

    /**
     * Returns {@code value}, or throws if it is null or a blank string.
     *
     * @throws MissingRequiredFieldException naming {@code field}
     */
    public static <T> T require(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MissingRequiredFieldException(field);
        }
        return value;
    }

    /**
     * Returns an unmodifiable copy of {@code list}, or throws if it or one of its elements is null.
     *
     * @throws MissingRequiredFieldException naming {@code field}, or {@code field[i]} for a null element
     */
    public static <T> List<T> requireList(List<T> list, String field) {
        require(list, field);
        for (int i = 0; i < list.size(); i++) {
            require(list.get(i), field + "[" + i + "]");
        }
        return List.copyOf(list);
    }
}
