package io.tideline.evm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node's JSON-RPC URL as it may be shown: {@code scheme://host[:port]} only. Hosted nodes carry the API key in the
 * path ({@code https://eth-mainnet.example/v2/KEY}), in the query or as user info, so health, the sync API, exception
 * messages and logs name the node by this form and never by the configured URL.
 */
public final class NodeUrl {

    private NodeUrl() {
    }

    /** {@code scheme://host[:port]} of an http(s) URL with a host; empty for anything else. */
    public static Optional<String> hostOnly(String url) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    /**
     * The parts of the URL that {@link #hostOnly(String)} leaves out and that may be secret: the path (beyond "/"),
     * query, fragment and user info, raw and decoded; for a URL that does not parse, the whole of it.
     */
    public static List<String> secretParts(String url) {
        if (url == null || url.isBlank()) {
            return List.of();
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return List.of(url.trim());
        }
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery(),
                uri.getRawFragment(), uri.getFragment(), uri.getRawUserInfo(), uri.getUserInfo()}) {
            String trimmed = part == null ? "" : part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty() && !parts.contains(trimmed)) {
                parts.add(trimmed);
            }
        }
        return List.copyOf(parts);
    }

    /** {@link #hostOnly(String)}, or a placeholder that says nothing of the URL. */
    public static String shown(String url) {
        return hostOnly(url).orElse("(an invalid node URL)");
    }
}
