package org.capgov.identity;

/** The roles of docs/domain.md §1. A person holds roles through memberships. */
public enum Role {
    ADMIN, COORDINATOR, DEPARTMENT_OFFICER, DISTRICT_OFFICER, ENTERPRISE, FINANCIAL_INSTITUTION, GRID_COMPANY, OBSERVER;

    public String authority() {
        return "ROLE_" + name();
    }
}
