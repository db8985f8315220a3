/**
 * Notifications: an in-app inbox per person and, when configured, e-mail over SMTP. Other modules publish a
 * {@link org.capgov.notification.Notice}; this module resolves its audience to people and delivers it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.capgov.notification;
