/**
 * Pricing: the electricity surcharges that follow from findings (差别电价、阶梯电价、惩罚性电价, seed 000 二、（七）, seed
 * 002 二、（四）, seed 004 三、（三）) as cited, dated price scales; the monthly surcharge list per grid account for the
 * grid company, its billing and the fund ledger; enterprises' objections; and the power-use watch (地条钢 relapses,
 * seed 004 二、（五）4) whose hits become leads for the district. Reads the registry's, compliance's and monitoring's
 * tables without writing them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pricing")
package org.capgov.pricing;
