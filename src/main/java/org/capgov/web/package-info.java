/** Layout, navigation, language switch, the home dashboard, login and error pages, and API error rendering. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.capgov.web;
