package org.capgov.enforcement.lists;

/** The public identity of a listed enterprise: no people (no legal representative), only the register's facts. */
public record ListedEnterprise(long id, String uscc, String name, String regionCode, String regionName) {
}
