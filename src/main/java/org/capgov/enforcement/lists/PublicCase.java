package org.capgov.enforcement.lists;

import java.time.LocalDate;
import java.util.List;
import org.capgov.shared.Dimension;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.CaseKind;

/**
 * A case as the public may see it (seed 001 四(三): rectification and exit are disclosed): what, since and until when,
 * where it stands, which department handles it and the numbers of the documents published in it. Nothing about people,
 * no notes, no officers' names, no finding references: only what an enforcement section of a public record shows.
 * {@code deadline} is the one in force (after an extension, the extended one); {@code closedOn} is null while open.
 */
public record PublicCase(String caseId, CaseKind kind, Dimension dimension, CaseState state, LocalDate openedOn,
        LocalDate deadline, LocalDate closedOn, String departmentName, List<Document> documents) {

    public boolean open() {
        return closedOn == null;
    }

    /** A published document of the case: its kind, effective date and 文号. */
    public record Document(Kind kind, LocalDate date, String number) {
    }

    /**
     * NOTICE: the 限期整改通知书 or 限期淘汰退出通知书 that opened the case; CLOSURE: the government's 关停决定
     * (APPROVE_CLOSURE); ANNOUNCEMENT: the public announcement of the exit (ANNOUNCE).
     */
    public enum Kind {
        NOTICE, CLOSURE, ANNOUNCEMENT
    }
}
