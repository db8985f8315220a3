package org.capgov.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.capgov.shared.Industry;

/** An enterprise of the registry, identified by its 统一社会信用代码. */
public record Enterprise(long id, String uscc, String usccFlag, String name, String region, String regionName,
        String regionPath, String address, List<Industry> industries, String legalRepresentative, String parentUscc,
        List<String> affiliates, List<String> gridAccounts, EnterpriseStatus status, LocalDate statusSince,
        Instant createdAt, Instant updatedAt) {
}
