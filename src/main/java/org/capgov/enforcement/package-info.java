/**
 * Enforcement: rectification and exit cases opened from findings, inspections or by hand, assigned to the
 * responsible department, the legal clock (6 months, one extension of at most 3 months, closure, exit), deadline
 * sweeps, and the yellow, red and annual exit lists derived from the cases' timelines. {@link PublicLists} and
 * {@link PublicCases} are the public reads (no data scope) for the disclosure module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enforcement")
package org.capgov.enforcement;
