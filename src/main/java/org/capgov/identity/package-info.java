/**
 * People, departments, roles and scopes; login, lockout, API tokens. The data scope of every caller is built here
 * from memberships ({@link org.capgov.identity.ScopeFactory}) and used through {@link org.capgov.shared.DataScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.capgov.identity;
