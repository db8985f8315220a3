/**
 * Credit sanctions (失信惩戒): a closure by law or a missed exit deadline creates a credit record with its basis and
 * measures; departments and banks check an enterprise (and its affiliates, for land bidding) before acting and say
 * what they did; a record is repaired (信用修复) when its conditions are met. Reacts to enforcement's case events in
 * the same transaction as the case change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit")
package org.capgov.credit;
