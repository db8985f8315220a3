/**
 * Online monitoring (在线监测): data loggers (数采仪) registered per enterprise with their factor → metric mapping, the
 * HJ 212-2017 TCP gateway that receives their packets, and the stored values with their data flags. Facts and
 * readings of the standard: {@code docs/reference/hj212.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telemetry")
package org.capgov.telemetry;
