package org.capgov.credit;

/**
 * What a caller did after a check: the bank and department decisions the seeds ask for (seed 001 三(四) "严控新增授信，
 * 压缩退出存量贷款"; 三(六) land bidding; 三(八) the other sanction areas), or that it went ahead.
 */
public enum CheckFeedbackAction {
    LOAN_REFUSED, CREDIT_LINE_REDUCED, LOAN_RECALLED, FUNDING_WITHHELD, LICENCE_REFUSED, LAND_SUPPLY_REFUSED,
    LAND_BID_REFUSED, BOND_REFUSED, PROCUREMENT_EXCLUDED, BID_EXCLUDED, TAX_MEASURE_APPLIED, PROCEEDED, OTHER
}
