package io.tideline.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only scheme, host and port of a node URL are ever shown: the key in its path, query or user info never is. */
class NodeUrlTest {

    @Test
    void dropsTheApiKeyInThePath() {
        assertThat(NodeUrl.hostOnly("https://eth-mainnet.g.alchemy.com/v2/AbCdEf123")).contains(
                "https://eth-mainnet.g.alchemy.com");
    }

    @Test
    void keepsAnExplicitPort() {
        assertThat(NodeUrl.hostOnly("http://127.0.0.1:8545")).contains("http://127.0.0.1:8545");
        assertThat(NodeUrl.hostOnly("http://127.0.0.1:8545/")).contains("http://127.0.0.1:8545");
    }

    @Test
    void dropsUserInfoQueryAndFragment() {
        assertThat(NodeUrl.hostOnly("https://user:secret@node.example:8443/rpc?apikey=secret#x"))
                .contains("https://node.example:8443");
    }

    @Test
    void lowerCasesSchemeAndHost() {
        assertThat(NodeUrl.hostOnly("HTTPS://Node.Example/KEY")).contains("https://node.example");
    }

    @Test
    void refusesWhatIsNotAnHttpUrlWithAHost() {
        assertThat(NodeUrl.hostOnly("ws://node.example/key")).isEmpty();
        assertThat(NodeUrl.hostOnly("node.example:8545")).isEmpty();
        assertThat(NodeUrl.hostOnly("http://")).isEmpty();
        assertThat(NodeUrl.hostOnly("http://bad host/key")).isEmpty();
        assertThat(NodeUrl.hostOnly(null)).isEmpty();
        assertThat(NodeUrl.shown("ws://node.example/secret")).isEqualTo("(an invalid node URL)");
    }

    @Test
    void namesThePartsThatMustNeverBeShown() {
        assertThat(NodeUrl.secretParts("https://user:pw@node.example/v2/KEY%2F1?apikey=Q"))
                .contains("v2/KEY%2F1", "v2/KEY/1", "apikey=Q", "user:pw");
        assertThat(NodeUrl.secretParts("http://127.0.0.1:8545")).isEmpty();
        assertThat(NodeUrl.secretParts("http://127.0.0.1:8545/")).isEmpty();
        assertThat(NodeUrl.secretParts("http://bad host/KEY")).containsExactly("http://bad host/KEY");
    }
}
