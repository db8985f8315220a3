package org.capgov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 产能治理平台 capgov: registry, standards, enforcement and supervision for lawful capacity exit. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CapgovApplication {

    public static void main(String[] args) {
        SpringApplication.run(CapgovApplication.class, args);
    }
}
