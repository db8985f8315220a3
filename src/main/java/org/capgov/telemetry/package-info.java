/**
 * Online monitoring (在线监测): data loggers (数采仪) registered per enterprise with their factor → metric mapping and
 * lenient mode ({@code logger}), the HJ 212 TCP gateway ({@code gateway}) and parser with its dialect seam
 * ({@code protocol}), hourly and daily means with data marking fed to monitoring as online measurements
 * ({@code validity}), data-quality policies and alerts ({@code quality}) and the pages ({@code web}). Facts and
 * readings of the standard: {@code docs/reference/hj212.md}, {@code docs/decisions/telemetry-readings.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telemetry")
package org.capgov.telemetry;
