package org.capgov.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.capgov.CapgovApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** A data directory that cannot hold the database stops start-up with a clear message, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryTest {

    @Test
    void aFileWhereTheDataDirectoryShouldBeIsReported(@TempDir Path tmp, CapturedOutput output) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        SpringApplication app = new SpringApplication(CapgovApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--capgov.data-dir=" + file, "--spring.main.banner-mode=off"))
                .hasRootCauseInstanceOf(java.nio.file.FileSystemException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("数据目录不可用")
                .contains("CAPGOV_DATA_DIR");
    }
}
