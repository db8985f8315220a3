/**
 * The one question other modules ask of the exit awards: whether an equipment item's closure was paid for with a
 * closure subsidy (奖补资金), so that projects can refuse it as replacement capacity.
 */
@org.springframework.modulith.NamedInterface("subsidy")
package org.capgov.supervision.subsidy;
