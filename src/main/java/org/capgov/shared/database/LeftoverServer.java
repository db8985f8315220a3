package org.capgov.shared.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of our data directory still running from a capgov process that died without stopping it (kill
 * -9, a crash). Such a server keeps the directory: starting a second one on it fails, and the start would wait for a
 * server that never answers. It is told to shut down (a fast shutdown: its client, the dead process, is gone) before
 * the new start. A server whose capgov process is alive is left alone: the directory is reported as in use.
 */
final class LeftoverServer {

    /** The lock file zonky's EmbeddedPostgres holds while a capgov process uses the directory. */
    static final String LOCK_FILE = "epg-lock";
    private static final long STOP_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /** Stops a server left running on {@code directory}; returns the process id of the server stopped, if any. */
    static Optional<Long> stopIfLeftOver(Path directory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(directory);
        if (postmaster.isEmpty()) {
            return Optional.empty();
        }
        if (!lockFree(directory)) {
            throw new DataDirectoryUnusableException(directory,
                    "另一个 capgov 进程正在使用该目录 / another capgov process uses this directory", null);
        }
        ProcessHandle process = postmaster.get();
        log.warn("A PostgreSQL server (pid {}) of {} was left running by a capgov process that ended without stopping it; "
                + "stopping it before the start", process.pid(), directory);
        stop(process, directory);
        return Optional.of(process.pid());
    }

    /** The postmaster named in {@code postmaster.pid} when it is alive and is a PostgreSQL server of this directory. */
    static Optional<ProcessHandle> runningPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!samePath(Path.of(lines.get(1).trim()), directory)) {
            return Optional.empty();
        }
        // a process id reused by another program after a reboot is not ours: PostgreSQL itself cleans such a stale file
        return ProcessHandle.of(pid).filter(LeftoverServer::running)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false));
    }

    private static void stop(ProcessHandle process, Path directory) {
        try {
            // SIGINT is PostgreSQL's fast shutdown (pg_ctl stop -m fast sends the same, but refuses to run as root);
            // where there is no kill command, SIGTERM, the smart shutdown, which also ends at once as no client is left
            if (!signal("-INT", process.pid())) {
                process.destroy();
            }
            // the server is gone once it has removed its pid file; its process may stay a zombie where nothing reaps
            // orphans (a container whose first process does not), which is harmless
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
            while (running(process) && Files.exists(directory.resolve("postmaster.pid"))) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("still running after " + STOP_SECONDS + " s");
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(directory, "遗留的 PostgreSQL 进程 " + process.pid()
                    + " 无法停止 / the PostgreSQL server left running could not be stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataDirectoryUnusableException(directory, "interrupted", e);
        }
    }

    private static boolean signal(String signal, long pid) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Alive and not a zombie (an ended process nobody has reaped yet). */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "pid (command) state ...": the state follows the last parenthesis
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true; // no /proc: trust isAlive
        }
    }

    /** True when no live process holds the directory's lock (the process that held it has ended). */
    private static boolean lockFree(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = out.getChannel().tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            // this very process uses the directory
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
