package org.capgov.enforcement.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.capgov.enforcement.ExitMeasure;

/**
 * One exited equipment item of the annual exit list: the enterprise, the equipment (null when the measures concern the
 * enterprise as a whole), product and annual capacity taken out (as recorded with the exit measures, else the
 * register's), the measures taken, the enterprise's public commitment not to resume, and the announcement (date and
 * document number) that published the exit.
 */
public record ExitListEntry(String caseId, ListedEnterprise enterprise, String equipmentCode, String equipmentType,
        String product, BigDecimal capacity, List<ExitMeasure> measures, boolean commitment, LocalDate announcedOn,
        String document) {
}
