/**
 * The yellow, red and annual exit lists derived from the cases' timelines, and the public reads of cases. This is
 * the one part of enforcement that another module reads (disclosure publishes the lists), so it is a named
 * interface; everything package-private here stays inside enforcement.
 */
@org.springframework.modulith.NamedInterface("lists")
package org.capgov.enforcement.lists;
