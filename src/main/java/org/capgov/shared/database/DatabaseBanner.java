package org.capgov.shared.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says at start-up which database is in use. */
@Component
@Order(0)
class DatabaseBanner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBanner.class);
    private final DataSource dataSource;

    DatabaseBanner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            log.info("Database in use: {} {} at {} (user {})", meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(), meta.getURL(), meta.getUserName());
        }
    }
}
