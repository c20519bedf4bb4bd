package io.tideline.gateway.route;

import java.util.List;
import java.util.Map;

/** An upstream's answer: status, the headers passed back to the caller and the body's bytes. */
public record UpstreamAnswer(int status, Map<String, List<String>> headers, byte[] body) {
}
