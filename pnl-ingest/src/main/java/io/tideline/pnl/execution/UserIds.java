package io.tideline.pnl.execution;

import io.tideline.service.problem.ProblemException;
import java.util.Locale;

/** How a user is named in paths: wallet addresses are compared in lower case, venue account names as given. */
public final class UserIds {

    private UserIds() {
    }

    public static String normalize(String user) {
        if (user == null || user.isBlank()) {
            throw ProblemException.badField("user", "required");
        }
        String trimmed = user.trim();
        return trimmed.matches("0[xX][0-9a-fA-F]{40}") ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
