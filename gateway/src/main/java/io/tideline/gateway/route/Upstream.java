package io.tideline.gateway.route;

import java.net.URI;
import java.util.List;

/** A service behind the gateway: its name, its base URL and the path prefixes it owns. */
public record Upstream(String name, URI url, List<String> prefixes) {

    public Upstream {
        prefixes = List.copyOf(prefixes);
    }
}
