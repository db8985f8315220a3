/** Small value types used by every module: dimensions, the data scope and its SQL predicate, domain errors. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.capgov.shared;
