package org.capgov.supervision.leads;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public form for a lead about any place, registered or not (address, map point, photos, free text), and the
 * status page the reporter reaches with the tracking number (no login).
 */
@Controller
class LeadPublicController {

    private final PublicLeadService leads;
    private final MessageSource messages;

    LeadPublicController(PublicLeadService leads, MessageSource messages) {
        this.leads = leads;
        this.messages = messages;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("matters", LeadPolicies.MATTERS);
    }

    @GetMapping("/public/leads/new")
    @PermitAll
    String form(Model model) {
        model.addAttribute("districts", leads.districts());
        model.addAttribute("f", new PublicLeadService.Submission(null, null, null, null, null, null, null, null));
        model.addAttribute("errors", Map.of());
        return "public/lead-form";
    }

    /** Anyone may submit with the form's CSRF token; {@code website} is the honeypot people do not see. */
    @PostMapping("/public/leads")
    @PermitAll
    String submit(@RequestParam(required = false) String matter, @RequestParam(required = false) String region,
            @RequestParam(required = false) String address, @RequestParam(required = false) String latitude,
            @RequestParam(required = false) String longitude, @RequestParam(required = false) String text,
            @RequestParam(required = false) String contact, @RequestParam(required = false) String website,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        PublicLeadService.Submission s = new PublicLeadService.Submission(matter, region, address, latitude, longitude, text,
                contact, website);
        try {
            List<PublicLeadService.Upload> uploads = new ArrayList<>();
            if (photos != null) {
                for (MultipartFile p : photos) {
                    if (p != null && !p.isEmpty()) {
                        uploads.add(new PublicLeadService.Upload(p.getOriginalFilename(), p.getContentType(), p.getBytes()));
                    }
                }
            }
            Lead l = leads.submit(s, uploads, request.getRemoteAddr());
            redirect.addFlashAttribute("submitted", true);
            return "redirect:/public/leads/" + l.trackingNo();
        } catch (DomainException e) {
            response.setStatus(e.status());
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.reason()));
            if (errors.isEmpty()) {
                model.addAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                        LocaleContextHolder.getLocale()));
            }
            model.addAttribute("errors", errors);
            model.addAttribute("districts", leads.districts());
            model.addAttribute("f", s);
            return "public/lead-form";
        }
    }

    @GetMapping("/public/leads/{trackingNo}")
    @PermitAll
    String status(@PathVariable String trackingNo, Model model) {
        model.addAttribute("l", leads.status(trackingNo));
        return "public/lead-status";
    }
}
