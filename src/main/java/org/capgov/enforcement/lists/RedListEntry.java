package org.capgov.enforcement.lists;

import java.util.List;
import org.capgov.enforcement.RedListCase;

/** An enterprise on the red list (经整改仍不达标、已依法关闭名单) with the cases that put it there, earliest first. */
public record RedListEntry(ListedEnterprise enterprise, List<RedListCase> cases) {
}
