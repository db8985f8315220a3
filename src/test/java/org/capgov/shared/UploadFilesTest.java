package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload files a crash left behind are removed when capgov starts. */
class UploadFilesTest {

    @Test
    void leftoversOfACrashAreRemovedAtStartUp(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("uploads");
        Files.createDirectories(dir.resolve("imports-123"));
        Files.writeString(dir.resolve("imports-123").resolve("job-7.upload"), "USCC,名称\n");
        Files.writeString(dir.resolve("measurement-upload-1.bin"), "x");
        Files.createDirectories(dir.resolve("multipart"));
        Files.writeString(dir.resolve("multipart").resolve("upload_abc.tmp"), "part");
        Path outside = Files.writeString(tmp.resolve("keep.txt"), "not ours");

        UploadFiles uploads = new UploadFiles(dir.toString());

        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("multipart");
        }
        try (var parts = Files.list(dir.resolve("multipart"))) {
            assertThat(parts).isEmpty();
        }
        assertThat(outside).exists();
        Path file = uploads.newFile("measurement-upload-", ".bin");
        assertThat(file.getParent()).isEqualTo(dir);
    }
}
