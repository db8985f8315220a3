/** Administrative divisions (GB/T 2260) with materialised paths, kinds, dates, air zones and the key-region flag. */
@org.springframework.modulith.ApplicationModule(displayName = "Region")
package org.capgov.region;
