/** Measurements and their units: metric codes, unit conversion, and (to come) the HJ 212 gateway. */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package org.capgov.monitoring;
