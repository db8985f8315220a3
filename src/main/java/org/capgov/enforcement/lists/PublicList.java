package org.capgov.enforcement.lists;

import java.util.Locale;
import org.capgov.shared.DomainException;

/**
 * The lists that seed 001 四(三) requires to be published: 黄牌 (不达标应限期整改), 红牌 (经整改仍不达标、已依法关闭), the annual
 * exit list (年度落后产能退出企业名单、设备和产能), and the environment department's 超标排放企业名单 and 超标排放严重的企业名单.
 * {@code slug} is the URL spelling.
 */
public enum PublicList {
    YELLOW("yellow"), RED("red"), EXITS("exits"), OVER_LIMIT("over-limit"), SERIOUS_OVER_LIMIT("serious-over-limit");

    private final String slug;

    PublicList(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The list named in a URL; an unknown name is a 404 (the resource does not exist), not bad input. */
    public static PublicList of(String slug) {
        for (PublicList list : values()) {
            if (list.slug.equals(slug == null ? null : slug.toLowerCase(Locale.ROOT))) {
                return list;
            }
        }
        throw DomainException.notFound("error.lists.unknown", slug);
    }
}
