/**
 * Disclosure: the public side (seed 001 四(三), seed 004 public reports). Anonymous pages, downloads and the JSON API of
 * the yellow, red and annual exit lists; the public enterprise page (registry status, equipment, twelve quarters of
 * compliance history, cases and lists); reports from the public (举报, error reports) routed to the department that owns
 * the record and tracked. Depends on enforcement, compliance, registry, region, identity and notification; nothing
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.capgov.disclosure;
