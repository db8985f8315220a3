-- Products added to the monitored list of seed 000 二、（八） through a draft are catalogue entries of their own kind,
-- versioned and cited like the others (catalog/FORMAT.md, monitoredProducts).
alter table catalog_entry drop constraint catalog_entry_kind_check;
alter table catalog_entry add constraint catalog_entry_kind_check
    check (kind in ('DOCUMENT', 'RULE', 'TARGET', 'REPLACEMENT', 'MONITORED'));
