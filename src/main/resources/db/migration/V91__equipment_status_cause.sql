-- Why an item's status changed, when the platform changed it by a rule rather than a person by a decision
-- (docs/decisions/disclosure-readings.md P2 and P3): STOPPED_WITH_ENTERPRISE when its enterprise left production,
-- RESTORED_WITH_ENTERPRISE when it produced again. Re-opening an enterprise restores only the items whose last change
-- is the rule's stop, so the stop must be told apart from an idle status set by hand.
alter table equipment_status_history add column cause varchar(32)
    check (cause in ('STOPPED_WITH_ENTERPRISE', 'RESTORED_WITH_ENTERPRISE'));

-- the stops the rule made before the cause was kept carry its note
update equipment_status_history set cause = 'STOPPED_WITH_ENTERPRISE'
where cause is null and status = 'IDLE' and note like '企业状态变为“%”，设备随之停止生产';
