-- Answers to objections raised during a replacement plan's public notice (docs/decisions/replacement-plan-readings.md
-- P7): who objected (an enterprise by its USCC, a person by the platform account, or the public, unidentified), the
-- officer's answer with its date and document, and whether the objector was notified. An objection is answered once.
alter table replacement_plan_objection
    add column objector_kind   varchar(12) not null default 'PUBLIC'
                               check (objector_kind in ('PUBLIC', 'PERSON', 'ENTERPRISE')),
    add column objector_uscc   varchar(18),
    add column objector_account varchar(64),
    add column answer          text check (answer is null or length(answer) between 1 and 2000),
    add column answered_on     date,
    add column answer_document text,
    add column answered_by     text,
    add column answered_at     timestamptz,
    add column notified        boolean not null default false,
    add constraint replacement_plan_objection_enterprise check ((objector_kind = 'ENTERPRISE') = (objector_uscc is not null)),
    add constraint replacement_plan_objection_person check ((objector_kind = 'PERSON') = (objector_account is not null)),
    add constraint replacement_plan_objection_answered check ((answer is null) = (answered_on is null)
                                                              and (answer is null) = (answered_by is null));
create index replacement_plan_objection_plan on replacement_plan_objection (plan_id);
