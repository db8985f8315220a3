package org.capgov.shared.database;

import java.nio.file.Path;

/** A capgov stand-in in its own JVM: starts the embedded server of a directory, says so, and waits to be killed. */
public final class LeftoverServerChild {

    private LeftoverServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresConfiguration.start(Path.of(args[0]), 0, "32MB", "256MB");
        System.out.println(LeftoverServerIT.READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
