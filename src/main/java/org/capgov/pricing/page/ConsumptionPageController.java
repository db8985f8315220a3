package org.capgov.pricing.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.capgov.pricing.watch.ConsumptionService;
import org.capgov.pricing.watch.ConsumptionUpload;
import org.capgov.shared.DomainException;
import org.capgov.shared.UploadFiles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The grid company's consumption upload page: a file in, stored all or nothing, a row report when refused. */
@Controller
class ConsumptionPageController {

    static final String SENDERS = "hasAnyRole('ADMIN','GRID_COMPANY')";

    private final ConsumptionUpload upload;
    private final UploadFiles uploads;
    private final PageMessages messages;

    ConsumptionPageController(ConsumptionUpload upload, UploadFiles uploads, PageMessages messages) {
        this.upload = upload;
        this.uploads = uploads;
        this.messages = messages;
    }

    @GetMapping("/pricing/consumption")
    @PreAuthorize(SENDERS)
    String form() {
        return "pricing/consumption";
    }

    @PostMapping("/pricing/consumption")
    @PreAuthorize(SENDERS)
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("failure", "请选择文件");
            return "redirect:/pricing/consumption";
        }
        Path path = uploads.newFile("consumption-", ".bin");
        try {
            file.transferTo(path);
            ConsumptionService.Result r = upload.load(path);
            redirect.addFlashAttribute("success", "已导入：新增或更正 " + r.stored() + " 行，未变 " + r.unchanged()
                    + " 行，新线索 " + r.leads() + " 条");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", "未导入任何数据");
            redirect.addFlashAttribute("report", e.problems() == null || e.problems().isEmpty()
                    ? List.of(messages.of(e)) : e.problems().stream().map(DomainException.FieldProblem::reason).toList());
        } finally {
            Files.deleteIfExists(path);
        }
        return "redirect:/pricing/consumption";
    }
}
