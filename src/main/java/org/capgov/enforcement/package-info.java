/**
 * Enforcement: rectification and exit cases opened from findings, inspections or by hand, assigned to the
 * responsible department, the legal clock (6 months, one extension of at most 3 months, closure, exit), deadline
 * sweeps, and the yellow, red and annual exit lists derived from the cases' timelines. The lists and the public
 * reads of cases (no data scope) live in the named interface {@code lists} for the disclosure module; the notice
 * and closure documents in the internal {@code documents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enforcement")
package org.capgov.enforcement;
