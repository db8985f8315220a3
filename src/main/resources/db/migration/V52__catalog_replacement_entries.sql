-- Rules on new capacity (bans on approving new capacity, replacement ratios, suspensions of replacement) are
-- catalogue entries of their own kind, versioned and cited like rules and targets (catalog/FORMAT.md, replacement).
alter table catalog_entry drop constraint catalog_entry_kind_check;
alter table catalog_entry add constraint catalog_entry_kind_check
    check (kind in ('DOCUMENT', 'RULE', 'TARGET', 'REPLACEMENT'));
