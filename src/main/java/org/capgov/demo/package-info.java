/**
 * Demo mode's first start: a story told through the platform's own services, so that every demo account finds work
 * on its home page (an evaluation, cases in every state, lists and inbox items). Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.capgov.demo;
