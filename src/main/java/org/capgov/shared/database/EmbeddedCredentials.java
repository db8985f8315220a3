package org.capgov.shared.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The passwords of the embedded server's three roles (see docs in the README, "database roles"): the superuser that
 * only capgov's start-up uses, the owner that runs the migrations and owns the audit trail, and the application role
 * everything else runs as. Generated once per data directory and kept next to the database files, readable by the
 * operating-system user that runs capgov only; whoever can read the data directory can read the database anyway.
 */
record EmbeddedCredentials(String superuserPassword, String ownerPassword, String applicationPassword) {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "capgov_owner";
    static final String APPLICATION = "capgov_app";
    static final String FILE_NAME = "database-credentials.properties";

    /** Reads the passwords of {@code dataDir}, creating them on the first start (and after an upgrade). */
    static EmbeddedCredentials of(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                return new EmbeddedCredentials(p.getProperty(SUPERUSER), p.getProperty(OWNER), p.getProperty(APPLICATION));
            }
            EmbeddedCredentials created = new EmbeddedCredentials(random(), random(), random());
            Properties p = new Properties();
            p.setProperty(SUPERUSER, created.superuserPassword());
            p.setProperty(OWNER, created.ownerPassword());
            p.setProperty(APPLICATION, created.applicationPassword());
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve(FILE_NAME + ".new");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                p.store(out, "passwords of the embedded PostgreSQL's roles; keep with the data directory");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(dataDir, "数据库口令文件无法读写 / cannot read or write " + FILE_NAME, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
