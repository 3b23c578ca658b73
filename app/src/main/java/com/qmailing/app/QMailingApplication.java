package com.qmailing.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One process, every role: REST, MCP, SMTP, command and query side. */
@SpringBootApplication(scanBasePackages = "com.qmailing")
public class QMailingApplication {

    public static void main(String[] args) {
        // Axon checks for updates at start-up; a self-hosted mail server must not call home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QMailingApplication.class, args);
    }
}
