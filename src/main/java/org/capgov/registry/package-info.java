/**
 * The registry: enterprises (统一社会信用代码), production lines, equipment with typed parameters, capacity, grid
 * customer accounts, affiliations and effective-dated status histories; imports and exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package org.capgov.registry;
