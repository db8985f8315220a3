package org.capgov.shared;

/** Industries of docs/domain.md §4; the spellings are a public contract. */
public enum Industry {
    STEEL, COAL, CEMENT, ALUMINIUM, FLAT_GLASS, SHIPBUILDING, BRICK_TILE, FERROALLOY, COKING, CHEMICAL, COAL_POWER, OTHER
}
