package org.capgov.pricing.scale;

/** The kinds of surcharge the seeds name (docs/domain.md, seed 000 二、（七）); one account pays each kind at most once. */
public enum SurchargeKind {
    DIFFERENTIAL_RESTRICTED, DIFFERENTIAL_ELIMINATED, LADDER, PUNITIVE, WATER_PUNITIVE
}
