package org.capgov.enforcement.lists;

import java.util.List;
import org.capgov.enforcement.YellowListCase;

/** An enterprise on the yellow list (限期整改名单) with its open rectification cases as of the list's date. */
public record YellowListEntry(ListedEnterprise enterprise, List<YellowListCase> cases) {
}
