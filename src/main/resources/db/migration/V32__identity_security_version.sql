-- A person's security version rises with every change that must end their open sessions and login tokens at once:
-- disabling, locking, a membership added or removed, a password change or reset, an administrator ending them.
-- Each session remembers the version it was opened with and is ended on its next request when they differ.
alter table person add column security_version integer not null default 0;

-- the version a login token was issued under; null for the long-lived tokens of system accounts, which do not stem
-- from a password and are revoked one by one by an administrator
alter table api_token add column security_version integer;
