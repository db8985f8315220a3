/** Disclosure: public pages and downloads, and reports from the public (举报, error reports) routed to the owner of the record. */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.capgov.disclosure;
