package org.capgov.identity;

import java.util.Set;
import org.capgov.shared.Dimension;

/** A government department, district government, management committee, grid company or bank. */
public record Department(long id, String code, String name, String shortName, String nameEn, String regionCode,
        String regionName, String kind, Set<Dimension> dimensions, String sourceDocument, boolean active) {
}
