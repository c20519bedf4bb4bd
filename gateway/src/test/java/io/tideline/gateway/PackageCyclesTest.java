package io.tideline.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.testing.PackageCycles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** No two packages of the gateway depend on each other, directly or through others (read from the sources). */
class PackageCyclesTest {

    @Test
    void packagesHaveNoImportCycle() {
        Path sources = Path.of("src/main/java");
        assertThat(PackageCycles.uses(sources, "io.tideline.gateway")).hasSizeGreaterThan(3);
        assertThat(PackageCycles.cycles(sources, "io.tideline.gateway")).isEmpty();
    }
}
