/**
 * New capacity: the project gate (a project against the catalogue's project rules, the bans on new capacity, the
 * replacement ratios and the suspensions as of its date) and the indicator ledger, where replacement indicators are
 * units in accounts, issued only from verified exits, transferred, reserved by plans and retired (modelled on a
 * registry of emission allowances). Reads enforcement's exit cases through its events. Replacement plans go through
 * public notice, where objections are answered and an identified objector is sent the answer as a notice
 * (notification); the register of illegal projects is kept by form or by spreadsheet import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects")
package org.capgov.projects;
