package org.capgov.registry.exchange;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The background threads of imports: daemons, so that a stop never waits for upkeep or an index build. */
final class ImportThreads {

    private ImportThreads() {
    }

    /** One named daemon thread working through its queue in order. */
    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
