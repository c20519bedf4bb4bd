package io.tideline.gateway.route;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which upstream owns a path: the first segment after {@code /api/v1/} names it ({@code /api/v1/hedges/7} is
 * perp-hedger's). Built once from the configuration; a prefix claimed twice, or a URL that is not http(s), stops the
 * gateway at start naming the setting.
 */
public final class RouteTable {

    public static final String API = "/api/v1/";
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, Upstream> byPrefix;
    private final List<Upstream> upstreams;

    public RouteTable(List<Upstream> upstreams) {
        Map<String, Upstream> map = new HashMap<>();
        for (Upstream upstream : upstreams) {
            String scheme = upstream.url().getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || upstream.url().getHost() == null) {
                throw new IllegalArgumentException("tideline.gateway.upstreams." + upstream.name()
                        + ".url must be an http(s) URL, not '" + upstream.url() + "'");
            }
            for (String prefix : upstream.prefixes()) {
                if (!PREFIX.matcher(prefix).matches()) {
                    throw new IllegalArgumentException("tideline.gateway.upstreams." + upstream.name()
                            + ".prefixes: '" + prefix + "' is not a path segment (a-z, 0-9, -)");
                }
                Upstream other = map.putIfAbsent(prefix, upstream);
                if (other != null) {
                    throw new IllegalArgumentException("tideline.gateway.upstreams: prefix '" + prefix
                            + "' is claimed by both " + other.name() + " and " + upstream.name());
                }
            }
        }
        this.byPrefix = Map.copyOf(map);
        this.upstreams = upstreams.stream().sorted(Comparator.comparing(Upstream::name)).toList();
    }

    /** From the configuration. */
    public static RouteTable of(GatewayConfig config) {
        return new RouteTable(config.upstreams().entrySet().stream()
                .map(e -> new Upstream(e.getKey(), URI.create(e.getValue().url().replaceAll("/+$", "")),
                        e.getValue().prefixes()))
                .toList());
    }

    /** The upstream that owns a request path such as {@code /api/v1/hedges/7}, if any. */
    public Optional<Upstream> owner(String path) {
        if (!path.startsWith(API)) {
            return Optional.empty();
        }
        String rest = path.substring(API.length());
        int slash = rest.indexOf('/');
        return Optional.ofNullable(byPrefix.get(slash < 0 ? rest : rest.substring(0, slash)));
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }
}
