package org.capgov.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.capgov.shared.database.DataDirectoryUnusableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The one directory where uploads and their working copies are kept while they are processed (imports, measurement
 * files, the servlet container's multipart parts). A process that ends abruptly (kill -9, a power cut) cannot delete
 * its files; as only this process writes here, whatever is found at start-up is such a leftover and is removed.
 */
@Component
public class UploadFiles {

    private static final Logger log = LoggerFactory.getLogger(UploadFiles.class);
    private final Path directory;

    UploadFiles(@Value("${capgov.upload-dir}") String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
        removeLeftovers(this.directory);
    }

    /** Empties {@code directory} (creating it if needed), keeping the multipart sub-directory the container writes to. */
    static void removeLeftovers(Path directory) {
        try {
            Files.createDirectories(directory);
            long removed = 0;
            try (Stream<Path> leftovers = Files.list(directory)) {
                for (Path p : leftovers.toList()) {
                    if (FileSystemUtils.deleteRecursively(p)) {
                        removed++;
                    }
                }
            }
            Files.createDirectories(directory.resolve("multipart"));
            if (removed > 0) {
                log.warn("Removed {} upload files left in {} by an earlier run (one that ended abruptly leaves them)",
                        removed, directory);
            }
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(directory, "上传临时目录无法使用 / upload directory unusable", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** A new empty file for an upload or its working copy; the caller deletes it when done. */
    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(directory, prefix, suffix);
    }

    /** A new directory for the files of one kind of upload. */
    public Path newDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(directory, prefix);
    }
}
