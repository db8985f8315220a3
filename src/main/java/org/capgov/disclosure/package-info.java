/**
 * Disclosure: the public side (seed 001 四(三), seed 004 public reports). Anonymous pages, downloads and the JSON API of
 * the yellow, red and annual exit lists. Depends on enforcement, region and registry; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.capgov.disclosure;
