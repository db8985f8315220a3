package org.capgov.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import org.capgov.enforcement.lists.PublicList;
import org.capgov.enforcement.lists.PublicListPage;
import org.capgov.enforcement.lists.PublicListQuery;
import org.capgov.enforcement.lists.PublicLists;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public lists as JSON, for anyone (no token): the same rows as the pages and downloads. */
@RestController
@Tag(name = "public-lists", description = "Public yellow, red, annual exit and over-limit lists 公开名单")
class PublicListApiController {

    private final PublicLists lists;

    PublicListApiController(PublicLists lists) {
        this.lists = lists;
    }

    @GetMapping("/api/v1/public/lists/{list}")
    @PermitAll
    @Operation(summary = "A public list (yellow 限期整改名单, red 经整改仍不达标、已依法关闭名单, exits 年度退出名单, over-limit "
            + "超标排放企业名单, serious-over-limit 超标排放严重的企业名单) as of a date, in a region subtree, one page (page from 0, "
            + "size up to 200)")
    PublicListPage<?> list(@PathVariable String list, @RequestParam(required = false) String year,
            @RequestParam(required = false) String region, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        PublicList which = PublicList.of(list);
        return lists.page(which, lists.query(year, region, asOf, page, size));
    }
}
