package org.capgov.telemetry.protocol;

/**
 * One factor (监测因子) of a packet's CP: its code (e.g. {@code a21026}) and the values it carries; absent items are
 * null. {@code flag} is the data flag of HJ 212-2017 ({@code N F M S D C T B}), null when the packet gave none.
 */
public record FactorValue(String code, Double rtd, Double avg, Double min, Double max, Double cou, Character flag,
        String sampleTime) {

    /** The value that stands for the period: the average of minute/hour/day data, else the real-time reading. */
    public Double value() {
        return avg != null ? avg : rtd;
    }
}
