package org.capgov.shared;

/**
 * Industries of docs/domain.md §4; the spellings are a public contract. CONSTRUCTION (建筑, the construction field and
 * its sites) is added for seed 004 二、(五)2, whose backward equipment 住房城乡建设委 handles; it comes last so that the
 * positions of the others stay as they were.
 */
public enum Industry {
    STEEL, COAL, CEMENT, ALUMINIUM, FLAT_GLASS, SHIPBUILDING, BRICK_TILE, FERROALLOY, COKING, CHEMICAL, COAL_POWER, OTHER,
    CONSTRUCTION
}
