/**
 * Capacity: monthly output reports with their revisions, capacity utilisation per product × region subtree ×
 * period (capacity in force pro rata by days from the registry's dated statuses), the 80 % / 75 % warnings of seed
 * 000 二、（八） with their history and notices, and the measured progress of the catalogue's targets. Reads the
 * registry's tables (enterprises, equipment, status histories) without writing them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capacity")
package org.capgov.capacity;
