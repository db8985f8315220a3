/**
 * Measurements: recorded over the API or imported (CSV / .xlsx, all or nothing), converted to each metric's unit,
 * marked valid, suspect or invalid (never deleted), and read back as the latest valid values for the evaluation
 * engine ({@link org.capgov.monitoring.MeasurementService#latestValid}); metric codes and unit conversion; and (to
 * come) the HJ 212 gateway.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package org.capgov.monitoring;
