package org.capgov.registry.validation;

import java.time.LocalDate;
import java.util.List;
import org.capgov.shared.Industry;
import org.capgov.registry.EnterpriseStatus;

/** An enterprise draft after validation: normalised and ready to store. */
public record ValidEnterprise(String uscc, String usccFlag, String name, String regionCode, String regionPath,
        List<Industry> industries, String address, String legalRepresentative, String parentUscc,
        List<String> affiliates, List<String> gridAccounts, EnterpriseStatus status, LocalDate statusSince) {
}
