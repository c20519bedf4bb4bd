package io.tideline.lp.sync;

import io.tideline.evm.NodeUrl;
import io.tideline.lp.config.TrackerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chain to follow, validated and lower-cased, or why there is none. {@link #node()} is how the node may be shown
 * anywhere (the RPC URL may carry an API key; {@link #toString()} leaves it out too).
 */
public record ChainSettings(long id, String rpcUrl, String positionManager, String factory, String multicall3,
                            String poolInitCodeHash) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    /** The settings, or a message naming every missing or malformed property. */
    public static Resolution resolve(TrackerConfig.Chain chain) {
        List<String> problems = new ArrayList<>();
        String rpc = chain.rpcUrl().filter(s -> !s.isBlank()).orElse(null);
        if (rpc == null) {
            problems.add("tideline.lp.chain.rpc-url is not set");
        } else if (NodeUrl.hostOnly(rpc).isEmpty()) {
            // Not echoed: it may carry a key.
            problems.add("tideline.lp.chain.rpc-url is not an http(s) URL with a host");
            rpc = null;
        }
        String npm = address(chain.positionManager(), "tideline.lp.chain.position-manager", problems);
        String factory = address(chain.factory(), "tideline.lp.chain.factory", problems);
        String multicall = address(chain.multicall3(), "tideline.lp.chain.multicall3", problems);
        if (!HASH.matcher(chain.poolInitCodeHash()).matches()) {
            problems.add("tideline.lp.chain.pool-init-code-hash is not a 32-byte 0x-hex hash");
        }
        if (chain.id() <= 0) {
            problems.add("tideline.lp.chain.id must be positive");
        }
        if (!problems.isEmpty()) {
            return new Resolution(Optional.empty(), String.join("; ", problems));
        }
        return new Resolution(Optional.of(new ChainSettings(chain.id(), rpc, npm, factory, multicall,
                chain.poolInitCodeHash().toLowerCase(Locale.ROOT))), null);
    }

    /** The node as it may be shown: {@code scheme://host[:port]} of the RPC URL. */
    public String node() {
        return NodeUrl.shown(rpcUrl);
    }

    @Override
    public String toString() {
        return "ChainSettings[id=" + id + ", node=" + node() + ", positionManager=" + positionManager + ", factory="
                + factory + ", multicall3=" + multicall3 + ", poolInitCodeHash=" + poolInitCodeHash + "]";
    }

    /** Settings if complete, else the reason the tracker does not run. */
    public record Resolution(Optional<ChainSettings> settings, String problem) {
    }

    private static String address(Optional<String> value, String property, List<String> problems) {
        String v = value.filter(s -> !s.isBlank()).orElse(null);
        if (v == null) {
            problems.add(property + " is not set");
            return null;
        }
        if (!ADDRESS.matcher(v).matches()) {
            problems.add(property + " is not a 20-byte 0x-hex address: '" + v + "'");
            return null;
        }
        return v.toLowerCase(Locale.ROOT);
    }
}
