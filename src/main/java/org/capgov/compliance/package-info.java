/** The evaluation engine: equipment and measurements against the catalogue as of a date → findings with citations. */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package org.capgov.compliance;
