package org.capgov.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON twins of the public enterprise pages, for anyone. */
@RestController
class PublicEnterpriseApiController {

    private final PublicEnterpriseDirectory directory;
    private final PublicEnterpriseProfiles profiles;

    PublicEnterpriseApiController(PublicEnterpriseDirectory directory, PublicEnterpriseProfiles profiles) {
        this.directory = directory;
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/public/enterprises")
    @PermitAll
    @Operation(summary = "Public enterprise search 公开企业查询：名称或统一社会信用代码、区划（含下级）、行业；每页 20 条")
    PublicEnterpriseDirectory.Result search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
            @RequestParam(defaultValue = "0") int page) {
        return directory.search(new PublicEnterpriseDirectory.Search(q, region, industry, page));
    }

    @GetMapping("/api/v1/public/enterprises/{uscc}")
    @PermitAll
    @Operation(summary = "Public enterprise page 公开企业信息：登记状态、主要设备、近 12 个季度分维度合规情况、案件与名单")
    PublicEnterpriseProfile enterprise(@PathVariable String uscc) {
        return profiles.of(uscc);
    }
}
